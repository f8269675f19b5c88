using GatewayPortal.Search.Analysis;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Snippets;

namespace GatewayPortal.Search.Tests.Snippets;

public sealed class SnippetBuilderTests : IDisposable
{
    private readonly KoreanEnglishAnalyzer _indexAnalyzer = KoreanEnglishAnalyzer.ForIndex();
    private readonly KoreanEnglishAnalyzer _queryAnalyzer = KoreanEnglishAnalyzer.ForQuery();

    private IReadOnlyList<SnippetSegment> Build(string body, string query)
    {
        var terms = new LuceneQueryBuilder(_queryAnalyzer).HighlightTerms(UserQueryParser.Parse(query));
        return new SnippetBuilder(_indexAnalyzer).Build(body, terms);
    }

    private static string Render(IReadOnlyList<SnippetSegment> segments) =>
        string.Concat(segments.Select(s => s.Highlighted ? $"[{s.Text}]" : s.Text));

    [Fact]
    public void Build_KoreanTermInsideWordWithParticle_HighlightsOnlyTheTerm()
    {
        // Act
        var segments = Build("오늘부터 행정포털을 통해 신청하세요.", "행정포털");

        // Assert
        Assert.Equal("오늘부터 [행정포털]을 통해 신청하세요.", Render(segments));
    }

    [Fact]
    public void Build_OneSyllable_HighlightedInsideWordsAsWellAsAtTheirEdges()
    {
        // Act: 구 opens 구청, sits inside 종로구청 and ends 종로구.
        var segments = Build("구청 안내: 종로구청과 종로구", "구");

        // Assert
        Assert.Equal("[구]청 안내: 종로[구]청과 종로[구]", Render(segments));
    }

    [Fact]
    public void Build_EnglishStem_HighlightsInflectedForms()
    {
        // Act
        var segments = Build("Systems fail; the system recovers.", "system");

        // Assert
        Assert.Equal("[Systems] fail; the [system] recovers.", Render(segments));
    }

    [Fact]
    public void Build_LongBody_CentresWindowOnMatchesWithEllipses()
    {
        // Arrange
        var filler = string.Concat(Enumerable.Repeat("일반 업무 내용입니다. ", 40));
        var body = filler + "여기에 예산 결산 자료가 있습니다. " + filler;

        // Act
        var segments = Build(body, "예산 결산");
        var text = Render(segments);

        // Assert
        Assert.StartsWith("…", text, StringComparison.Ordinal);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.Contains("[예산] [결산]", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 100, 215);
    }

    [Fact]
    public void Build_NoMatch_ReturnsLeadingTextUnhighlighted()
    {
        // Act
        var segments = Build("짧은 본문", "교통");

        // Assert
        var only = Assert.Single(segments);
        Assert.Equal(new SnippetSegment("짧은 본문", false), only);
    }

    [Fact]
    public void Build_MarkupInBody_IsReturnedAsPlainText()
    {
        // Act
        var segments = Build("<script>alert(1)</script> 포털", "포털");

        // Assert
        Assert.Equal([new SnippetSegment("<script>alert(1)</script> ", false), new SnippetSegment("포털", true)], segments);
    }

    [Fact]
    public void Build_KoreanAndEnglishWordsTogether_HighlightsBoth()
    {
        // Act: the Korean word is found in the text, the English one through its analysed stem.
        var segments = Build("보안 점검 결과: Policies 개정, 보안정책 검토", "보안 policy");

        // Assert
        Assert.Equal("[보안] 점검 결과: [Policies] 개정, [보안]정책 검토", Render(segments));
    }

    [Fact]
    public void Build_RepeatedSyllables_HighlightsEveryOverlappingOccurrence()
    {
        // Act: 하하 occurs at 0 and 1 of 하하하 (one highlight), not across the space of 하 하.
        var segments = Build("하하하 웃음, 하 하 끝", "하하");

        // Assert
        Assert.Equal("[하하하] 웃음, 하 하 끝", Render(segments));
    }

    public void Dispose()
    {
        _indexAnalyzer.Dispose();
        _queryAnalyzer.Dispose();
    }
}
