using System.Globalization;
using Bunit;
using GatewayPortal.Portal.Components.Pages.Wiki;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.Tests.Components.Wiki;

/// <summary>Issue 16: the wiki's menu and its minor-edit badge in words staff use.</summary>
public sealed class WikiWordsComponentTests : BunitContext
{
    public WikiWordsComponentTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
    }

    [Fact]
    public void WikiSiteNav_OnRecentChanges_LinksEveryListAndMarksTheCurrentOne()
    {
        // Act
        var cut = Render<WikiSiteNav>(p => p.Add(c => c.Current, "recent"));

        // Assert
        Assert.Equal("위키 메뉴", cut.Find("nav").GetAttribute("aria-label"));
        Assert.Equal(["대문", "모든 문서", "최근 변경", "관심 문서 목록", "새 문서"], cut.FindAll("a").Select(a => a.TextContent.Trim()));
        Assert.Equal(WikiPaths.Recent, cut.Find("a[aria-current=page]").GetAttribute("href"));
        Assert.Equal(WikiPaths.NewPage, cut.Find("a.button").GetAttribute("href"));
    }

    [Fact]
    public void WikiMinorBadge_MinorEdit_SaysSoInWordsWithAnExplanation()
    {
        // Act
        var cut = Render<WikiMinorBadge>(p => p.Add(c => c.IsMinor, true));
        var none = Render<WikiMinorBadge>(p => p.Add(c => c.IsMinor, false));

        // Assert
        var badge = cut.Find("abbr.badge-minor");
        Assert.StartsWith("사소한 편집", badge.TextContent, StringComparison.Ordinal);
        Assert.Equal("사소한 편집: 오타 고침처럼 내용이 바뀌지 않는 편집입니다", badge.GetAttribute("title"));
        Assert.Contains("오타 고침처럼", badge.QuerySelector(".visually-hidden")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("잔", badge.TextContent, StringComparison.Ordinal);
        Assert.Empty(none.Markup.Trim());
    }
}
