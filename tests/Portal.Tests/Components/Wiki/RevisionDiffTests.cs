using System.Globalization;
using Bunit;
using GatewayPortal.Portal.Components.Pages.Wiki;
using GatewayPortal.Wiki.Diff;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.Tests.Components.Wiki;

public sealed class RevisionDiffTests : BunitContext
{
    private readonly WikiDiff _diff = new DiffPlexWikiDiffService().Compare("첫 줄\n근무는 아홉 시부터\n끝", "첫 줄\n근무는 여덟 시부터\n끝");

    public RevisionDiffTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
    }

    [Fact]
    public void SideBySide_OneSyllableChanged_MarksOnlyThatSyllableOnEachSide()
    {
        // Act
        var cut = Render<RevisionDiff>(p => p.Add(c => c.Diff, _diff).Add(c => c.Caption, "r1과 r2").Add(c => c.OldLabel, "r1").Add(c => c.NewLabel, "r2"));

        // Assert
        var row = cut.Find("tr.diff-modified");
        Assert.Equal("아홉", row.QuerySelector("del.diff-word")!.TextContent);
        Assert.Equal("여덟", row.QuerySelector("ins.diff-word")!.TextContent);
        Assert.Equal(4, cut.FindAll("thead th[scope=col]").Count);
        Assert.Equal("r1과 r2", cut.Find("caption").TextContent);
        Assert.Contains("삭제된 줄:", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_OneSyllableChanged_ShowsDeletedThenInsertedLineWithWordMarks()
    {
        // Act
        var cut = Render<RevisionDiff>(p => p.Add(c => c.Diff, _diff).Add(c => c.Caption, "비교").Add(c => c.Inline, true));

        // Assert
        var deleted = cut.Find("tr.diff-deleted");
        var inserted = cut.Find("tr.diff-inserted");
        Assert.Equal("아홉", deleted.QuerySelector("del")!.TextContent);
        Assert.Null(deleted.QuerySelector("ins"));
        Assert.Equal("여덟", inserted.QuerySelector("ins")!.TextContent);
        var rows = cut.FindAll("tbody tr").Select(r => r.ClassName).ToList();
        Assert.True(rows.IndexOf("diff-deleted") < rows.IndexOf("diff-inserted"));
        Assert.Contains("근무는 ", inserted.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WordLevelSkipped_ShowsTheNotice()
    {
        // Arrange: a budget of zero forces the bail-out.
        var diff = new DiffPlexWikiDiffService().Compare("가나다", "가나라", WikiDiffOptions.Default with { MaxWordDiffCost = 0 }, Xunit.TestContext.Current.CancellationToken);

        // Act
        var cut = Render<RevisionDiff>(p => p.Add(c => c.Diff, diff).Add(c => c.Caption, "비교"));

        // Assert
        Assert.True(diff.WordLevelSkipped);
        Assert.Contains("낱말 단위", cut.Find("p.notice").TextContent, StringComparison.Ordinal);
    }
}
