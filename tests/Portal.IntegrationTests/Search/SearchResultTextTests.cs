using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Search;

/// <summary>Issue 16: what a result shows — rendered wiki text, a colleague's labelled fields, one language per page.</summary>
public sealed class SearchResultTextTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Search_WikiPageWrittenInMarkdown_SnippetShowsTheRenderedText()
    {
        // Arrange: the constructs the issue saw in snippets, around a word only this page has.
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var title = "마크다운 검색 " + Guid.NewGuid().ToString("N")[..6];
        const string text = "**은하수여비**는 [[출장 신청 절차]]를 따릅니다.[^1]\n\n| 구분 | 기한 |\n| --- | --- |\n| 은하수여비 | 3일 전 |\n\n"
            + "- [x] 은하수여비 신청서 작성\n- [ ] 부서장 결재\n\n[^1]: 여비 규정 제3조";
        await SaveAsync(kim, title, text, "검색 시험");

        // Act
        var page = await kim.GetDocumentUntilAsync("/search?q=" + Uri.EscapeDataString("은하수여비"), p => Hit(p, PathOf(title)) is not null, Patience);

        // Assert
        var snippet = Hit(page, PathOf(title))!.QuerySelector(".search-snippet")!.TextContent;
        foreach (var markup in new[] { "[[", "]]", "| ---", "|", "[^1]", "[x]", "[ ]", "**" })
        {
            Assert.DoesNotContain(markup, snippet, StringComparison.Ordinal);
        }

        Assert.Contains("은하수여비는 출장 신청 절차를 따릅니다.", snippet, StringComparison.Ordinal);
        Assert.Contains("은하수여비", Hit(page, PathOf(title))!.QuerySelector(".search-snippet mark")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Colleague_ShowsLabelledFieldsWithTheDepartmentNotTheRawEntry()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var page = await kim.GetDocumentUntilAsync("/search?source=person&q=" + Uri.EscapeDataString("이지영"), p => Hit(p, "/people/lee.jiyoung") is not null, Patience);

        // Assert
        var hit = Hit(page, "/people/lee.jiyoung")!;
        Assert.Equal(["부서", "직위", "전화번호", "이메일"], hit.QuerySelectorAll(".search-person dt").Select(d => d.TextContent.Trim()));
        var values = hit.QuerySelectorAll(".search-person dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.All(values, v => Assert.NotEqual("-", v));
        Assert.NotNull(hit.QuerySelector(".search-person a[href^='mailto:lee.jiyoung@']"));
        Assert.NotNull(hit.QuerySelector(".search-person a[href^='tel:']"));
        Assert.Null(hit.QuerySelector(".search-snippet"));
        Assert.DoesNotContain("lee.jiyoung lee.jiyoung", hit.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Application_ShowsItsDescriptionInThePageLanguageOnly()
    {
        // Arrange
        using var korean = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var english = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await english.PostFormAsync("/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, "/");
        const string app = "/launch/doc-meeting-rooms";

        // Act: a Korean query on the English page and an English one on the Korean page find the same system.
        var ko = await korean.GetDocumentUntilAsync("/search?source=application&q=" + Uri.EscapeDataString("회의실"), p => Hit(p, app) is not null, Patience);
        var en = await english.GetDocumentUntilAsync("/search?source=application&q=" + Uri.EscapeDataString("회의실"), p => Hit(p, app) is not null, Patience);
        var koByEnglish = await korean.GetDocumentUntilAsync("/search?source=application&q=" + Uri.EscapeDataString("video conferences"), p => Hit(p, app) is not null, Patience);

        // Assert
        var koHit = Hit(ko, app)!;
        Assert.Equal("회의실 예약", TitleOf(koHit));
        Assert.Contains("청사 회의실과 화상회의 예약", koHit.QuerySelector(".search-snippet")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Book meeting rooms", koHit.TextContent, StringComparison.Ordinal);
        var enHit = Hit(en, app)!;
        Assert.Equal("Meeting Rooms", TitleOf(enHit));
        Assert.Contains("Book meeting rooms and video conferences", enHit.QuerySelector(".search-snippet")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("청사 회의실과", enHit.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Book meeting rooms", Hit(koByEnglish, app)!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Application_OpensInANewTabAndSaysSoUnlessThePersonChoseThisTab()
    {
        // Arrange
        using var client = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string app = "/launch/doc-meeting-rooms";
        const string path = "/search?source=application&q=%ED%9A%8C%EC%9D%98%EC%8B%A4";

        // Act: the default, then after choosing "open in this tab" on the catalogue.
        var byDefault = await client.GetDocumentUntilAsync(path, p => Hit(p, app) is not null, Patience);
        using var chosen = await client.PostFormAsync(
            GatewayPortal.Portal.Home.LaunchWindow.Path,
            new Dictionary<string, string> { ["newTab"] = "false", ["returnUrl"] = "/apps" },
            "/apps");
        var sameTab = await client.GetDocumentUntilAsync(path, p => Hit(p, app) is not null, Patience);

        // Assert: like the catalogue's tiles, the result link follows the person's choice and tells screen readers.
        var link = Hit(byDefault, app)!.QuerySelector("h2 a")!;
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener", link.GetAttribute("rel"));
        Assert.NotNull(link.QuerySelector("[data-new-tab-hint]"));
        Assert.True(PortalClient.RedirectsTo(chosen, "/apps"), chosen.StatusCode.ToString());
        var same = Hit(sameTab, app)!.QuerySelector("h2 a")!;
        Assert.Null(same.GetAttribute("target"));
        Assert.Null(same.QuerySelector("[data-new-tab-hint]"));
    }

    private static string TitleOf(IElement hit)
    {
        var link = (IElement)hit.QuerySelector("h2 a")!.Clone(deep: true);
        foreach (var hint in link.QuerySelectorAll("[data-new-tab-hint]").ToList())
        {
            hint.Remove();
        }

        return link.TextContent.Trim();
    }

    private static IElement? Hit(IHtmlDocument page, string href) =>
        page.QuerySelectorAll(".search-hit").FirstOrDefault(h => h.QuerySelector("h2 a")?.GetAttribute("href") == href);
}
