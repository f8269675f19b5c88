using GatewayPortal.Wiki.Diff;

namespace GatewayPortal.Wiki.Tests.Diff;

public sealed class DiffPlexWikiDiffServiceTests
{
    private readonly DiffPlexWikiDiffService _service = new();

    private static string Changed(DiffSide side) => string.Concat(side.Segments.Where(s => s.Changed).Select(s => s.Text));

    [Fact]
    public void Compare_OneHangulSyllableChanged_HighlightsOnlyThatSyllable()
    {
        // Act
        var diff = _service.Compare("민원 신청서를 제출합니다.", "민원 신청서는 제출합니다.", cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        var row = Assert.Single(diff.Rows, r => r.Kind == DiffRowKind.Modified);
        Assert.Equal("를", Changed(row.Old!));
        Assert.Equal("는", Changed(row.New!));
        Assert.Equal("민원 신청서는 제출합니다.", row.New!.Text);
        Assert.False(diff.WordLevelSkipped);
    }

    [Fact]
    public void Compare_EnglishWordChanged_HighlightsWholeWordOnly()
    {
        var diff = _service.Compare("Submit the form today.", "Submit the forms today.", cancellationToken: TestContext.Current.CancellationToken);

        var row = Assert.Single(diff.Rows, r => r.Kind == DiffRowKind.Modified);
        Assert.Equal("form", Changed(row.Old!));
        Assert.Equal("forms", Changed(row.New!));
    }

    [Fact]
    public void Compare_InsertedAndDeletedLines_CountsAndNumbersLines()
    {
        var diff = _service.Compare("a\nb\nc", "a\nc\nd", new WikiDiffOptions { ContextLines = null }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            [DiffRowKind.Context, DiffRowKind.Deleted, DiffRowKind.Context, DiffRowKind.Inserted],
            diff.Rows.Select(r => r.Kind));
        Assert.Equal(2, diff.Rows[1].Old!.LineNumber);
        Assert.Equal(3, diff.Rows[3].New!.LineNumber);
        Assert.Equal((1, 1), (diff.LinesAdded, diff.LinesRemoved));
    }

    [Fact]
    public void Compare_LongUnchangedStretch_CollapsesWithCountAndKeepsContext()
    {
        // Arrange: 100 lines, line 50 changed
        var old = Enumerable.Range(1, 100).Select(i => $"줄 {i}").ToArray();
        var changed = old.ToArray();
        changed[49] = "바뀐 줄";

        // Act
        var diff = _service.Compare(string.Join('\n', old), string.Join('\n', changed), new WikiDiffOptions { ContextLines = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(
            [DiffRowKind.Collapsed, DiffRowKind.Context, DiffRowKind.Context, DiffRowKind.Modified, DiffRowKind.Context, DiffRowKind.Context, DiffRowKind.Collapsed],
            diff.Rows.Select(r => r.Kind));
        Assert.Equal(47, diff.Rows[0].CollapsedLines);
        Assert.Equal(48, diff.Rows[1].Old!.LineNumber);
        Assert.Equal(48, diff.Rows[^1].CollapsedLines);
    }

    [Fact]
    public void ToInline_ModifiedRow_BecomesDeletedThenInserted()
    {
        var diff = _service.Compare("제목\n본문", "제목\n본문입니다", cancellationToken: TestContext.Current.CancellationToken);

        var inline = diff.ToInline().ToList();

        Assert.Equal([DiffRowKind.Context, DiffRowKind.Deleted, DiffRowKind.Inserted], inline.Select(l => l.Kind));
        Assert.Equal((1, 1), (inline[0].OldLineNumber, inline[0].NewLineNumber));
        Assert.Equal((2, (int?)null), (inline[1].OldLineNumber, inline[1].NewLineNumber));
        Assert.Equal("입니다", string.Concat(inline[2].Segments.Where(s => s.Changed).Select(s => s.Text)));
    }

    [Fact]
    public void Compare_IdenticalTexts_IsEmpty()
    {
        var diff = _service.Compare("같음\n같음", "같음\n같음", cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(diff.IsEmpty);
        Assert.DoesNotContain(diff.Rows, r => r.Kind is DiffRowKind.Modified or DiffRowKind.Inserted or DiffRowKind.Deleted);
    }

    [Fact]
    public void Compare_ChangedLinesOverWordBudget_FallBackToWholeLines()
    {
        // Arrange: 300 long lines, each rewritten: far beyond a small word-diff budget
        var old = string.Join('\n', Enumerable.Range(0, 300).Select(i => new string('가', 500) + i));
        var updated = string.Join('\n', Enumerable.Range(0, 300).Select(i => new string('나', 500) + i));

        // Act
        var diff = _service.Compare(old, updated, new WikiDiffOptions { MaxWordDiffCost = 1_000_000 }, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.True(diff.WordLevelSkipped);
        Assert.False(diff.LineDiffSimplified);
        var last = diff.Rows.Last(r => r.Kind == DiffRowKind.Modified);
        Assert.Equal([true], last.New!.Segments.Select(s => s.Changed));
    }

    [Fact]
    public void Compare_LongPageWithScatteredEdits_StaysAnExactLineDiff()
    {
        // Arrange: 20,000 lines with every 500th rewritten (the middle is 4×10⁸ line pairs: wholesale before, anchored now)
        var lines = Enumerable.Range(0, 20_000).Select(i => "줄 " + i).ToArray();
        var edited = lines.Select((l, i) => i % 500 == 1 ? l + " 수정" : l).ToArray();

        // Act
        var diff = _service.Compare(string.Join('\n', lines), string.Join('\n', edited), cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.False(diff.LineDiffSimplified);
        Assert.Equal((40, 40), (diff.LinesAdded, diff.LinesRemoved));
        Assert.Equal(40, diff.Rows.Count(r => r.Kind == DiffRowKind.Modified));
    }

    [Fact]
    public void Compare_HugeDisjointTexts_SimplifiesToWholesaleReplacement()
    {
        // Arrange: pathological for a line diff: 20,000 distinct lines each side, with a shared head and tail
        var old = string.Join('\n', ["머리", .. Enumerable.Range(0, 20_000).Select(i => "old " + i), "꼬리"]);
        var updated = string.Join('\n', ["머리", .. Enumerable.Range(0, 20_000).Select(i => "new " + i), "꼬리"]);

        // Act
        var diff = _service.Compare(old, updated, new WikiDiffOptions { ContextLines = null }, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.True(diff.LineDiffSimplified);
        Assert.True(diff.WordLevelSkipped);
        Assert.Equal(DiffRowKind.Context, diff.Rows[0].Kind);
        Assert.Equal(DiffRowKind.Context, diff.Rows[^1].Kind);
        Assert.Equal((20_000, 20_000), (diff.LinesAdded, diff.LinesRemoved));
    }

    [Theory]
    [InlineData("회의록을 작성", "회의록은 작성", "을", "은")] // particle change
    [InlineData("예산 1,000원", "예산 2,000원", "1", "2")] // digits are word-level
    [InlineData("서울시청 앞", "서울 시청 앞", "", " ")] // spacing change only marks the space
    public void Compare_WordLevel_MarksOnlyTheDifference(string before, string after, string removed, string added)
    {
        var row = Assert.Single(_service.Compare(before, after, cancellationToken: TestContext.Current.CancellationToken).Rows, r => r.Kind == DiffRowKind.Modified);

        Assert.Equal(removed, Changed(row.Old!));
        Assert.Equal(added, Changed(row.New!));
    }
}
