using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Wiki;

/// <summary>Nothing a person saves may disappear or break the page: concurrent creation, odd titles, limits, moved restricted pages.</summary>
public sealed class WikiSaveSafetyTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_TwoPeopleCreateTheSamePage_SecondGets409WithTextAndFirstTextStays()
    {
        // Arrange: both open the editor of a missing page
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "동시에 만든 문서";
        var kimForm = await OpenEditorAsync(kim, title);
        var leeForm = await OpenEditorAsync(lee, title);
        kimForm["Input.Text"] = "김민수가 먼저 쓴 글";
        leeForm["Input.Text"] = "이지영이 나중에 쓴 글";
        var first = await PostEditorAsync(kim, title, kimForm);

        // Act
        var second = await PostEditorAsync(lee, title, leeForm);
        var document = await PortalClient.ParseAsync(second);

        // Assert
        Assert.True(PortalClient.RedirectsTo(first, PathOf(title)), first.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("이지영이 나중에 쓴 글", document.QuerySelector("textarea#wiki-text")!.TextContent);
        Assert.Equal("김민수가 먼저 쓴 글", document.QuerySelector(".wiki-conflict-table .conflict-theirs")!.TextContent);
        Assert.Equal("김민수가 먼저 쓴 글", await TextAsync(kim, title));
        Assert.Single(await RevisionsAsync(kim, title));
    }

    [Theory]
    [InlineData("%3Cb%3E 시험")]
    [InlineData("50%25 할인")]
    [InlineData("100% 달성")]
    public async Task Title_WithPercentSequence_RoundTripsThroughCreateViewEditHistoryAndMove(string title)
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var (missing, missingPage) = await kim.GetDocumentAsync(PathOf(title));
        var createLink = missingPage.QuerySelector(".card a.button.primary")!.GetAttribute("href")!;

        // Act: follow the links and forms the wiki itself renders, as a browser would
        var (editor, editorPage) = await kim.GetDocumentAsync(createLink);
        var created = await SubmitEditorAsync(kim, editorPage, createLink, "첫 판");
        var (view, viewPage) = await kim.GetDocumentAsync(PortalClient.LocationPath(created)!);
        var (_, editAgain) = await kim.GetDocumentAsync(Tab(viewPage, "edit"));
        var edited = await SubmitEditorAsync(kim, editAgain, Tab(viewPage, "edit"), "둘째 판");
        var (history, historyPage) = await kim.GetDocumentAsync(Tab(viewPage, "history"));
        var (_, manage) = await kim.GetDocumentAsync(Tab(viewPage, "manage"));
        var moveForm = manage.QuerySelector("form[action$='/move']")!;
        var moved = await kim.PostFormAsync(moveForm.GetAttribute("action")!,
            new Dictionary<string, string> { ["newTitle"] = title + " 옮김", ["leaveRedirect"] = "true" }, Tab(viewPage, "manage"));
        var (afterMove, afterMovePage) = await kim.GetDocumentAsync(PortalClient.LocationPath(moved)!);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.True(created.StatusCode == HttpStatusCode.Found, $"{(int)created.StatusCode} {created.Headers.Location}");
        Assert.Equal((HttpStatusCode.OK, title), (view.StatusCode, viewPage.QuerySelector("h1")!.TextContent));
        Assert.Equal("첫 판", viewPage.QuerySelector(".wiki-content")!.TextContent.Trim());
        Assert.True(edited.StatusCode == HttpStatusCode.Found, $"{(int)edited.StatusCode} {edited.Headers.Location}");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(2, historyPage.QuerySelectorAll("table.wiki-history tbody tr").Length);
        Assert.Equal((HttpStatusCode.OK, title + " 옮김"), (afterMove.StatusCode, afterMovePage.QuerySelector("h1")!.TextContent));
        Assert.Equal("둘째 판", afterMovePage.QuerySelector(".wiki-content")!.TextContent.Trim());
    }

    [Fact]
    public async Task Save_MarkdownNestedPastTheParserDepth_Answers400InKoreanWithTheTextKept()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "너무 깊은 문서";
        var text = new string('>', 300) + " 깊은 인용";
        var fields = await OpenEditorAsync(kim, title);
        fields["Input.Text"] = text;

        // Act
        var save = await PostEditorAsync(kim, title, fields);
        var saveDocument = await PortalClient.ParseAsync(save);
        fields["Input.Action"] = "preview";
        var preview = await PostEditorAsync(kim, title, fields);
        var previewDocument = await PortalClient.ParseAsync(preview);
        var view = await kim.GetAsync(PathOf(title));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Contains("너무 깊게 중첩", saveDocument.QuerySelector("#edit-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, saveDocument.QuerySelector("textarea#wiki-text")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Equal(text, previewDocument.QuerySelector("textarea#wiki-text")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
    }

    [Fact]
    public async Task Save_MoreLinksThanThePerPageCap_Answers400NamingTheLimit()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "링크 너무 많은 문서";
        var fields = await OpenEditorAsync(kim, title);
        fields["Input.Text"] = string.Join(' ', Enumerable.Range(0, WikiLinkLimits.MaxLinksPerPage + 1).Select(i => $"[[항목 {i}]]"));

        // Act
        var save = await PostEditorAsync(kim, title, fields);
        var document = await PortalClient.ParseAsync(save);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Contains("5,000", document.QuerySelector("#edit-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task View_PageStoredWithMoreLinksThanSqliteParameters_Answers200()
    {
        // Arrange: a page saved before the cap existed, with 33,000 distinct links (SQLite allows 32,766 parameters)
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "옛 링크 목록";
        await SaveAsync(kim, title, "처음");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
            var page = await db.WikiPages.SingleAsync(p => p.Title == title, Ct);
            var text = string.Join('\n', Enumerable.Range(0, 33_000).Select(i => $"[[옛 항목 {i}]]"));
            await db.WikiRevisions.Where(r => r.Id == page.CurrentRevisionId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Text, text), Ct);
        }

        // Act
        var response = await kim.GetAsync(PathOf(title));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task View_PageStoredNestedPastTheParserDepth_ShowsItsTextInsteadOf500()
    {
        // Arrange: text saved before the editor refused it
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "옛 깊은 문서";
        await SaveAsync(kim, title, "처음");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
            var page = await db.WikiPages.SingleAsync(p => p.Title == title, Ct);
            await db.WikiRevisions.Where(r => r.Id == page.CurrentRevisionId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Text, new string('>', 300) + " <b>깊은</b> 인용"), Ct);
        }

        // Act
        var (response, document) = await kim.GetDocumentAsync(PathOf(title));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<b>깊은</b> 인용", document.QuerySelector(".wiki-content pre")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecentFeed_PerReader_IsPrivateAndVariesByCookie()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var response = await kim.GetAsync("/wiki/special/recent.atom");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Private, response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.CacheControl!.Public);
        Assert.Contains("Cookie", response.Headers.Vary);
    }

    [Fact]
    public async Task Move_RestrictedPageLeavingRedirect_OldTitleShowsNothingOfTheNewOneToOthers()
    {
        // Arrange: a page only role-hr may read and edit, moved by Lee (role-hr) leaving a redirect
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "인사 이동 초안";
        const string newTitle = "2027 구조조정 대상자";
        await SaveAsync(lee, title, "인사 담당만");
        await admin.PostFormAsync(PathOf(title) + "/permissions",
            new Dictionary<string, string> { ["readGroups"] = "role-hr", ["editGroups"] = "role-hr" }, PathOf(title) + "/manage");
        var moved = await lee.PostFormAsync(PathOf(title) + "/move",
            new Dictionary<string, string> { ["newTitle"] = newTitle, ["leaveRedirect"] = "true" }, PathOf(title) + "/manage");

        // Act
        var view = await kim.GetAsync(PathOf(title));
        var viewText = await view.Content.ReadAsStringAsync(Ct);
        var noRedirect = await (await kim.GetAsync(PathOf(title) + "?redirect=no")).Content.ReadAsStringAsync(Ct);
        var edit = await kim.GetAsync(PathOf(title) + "/edit");
        var recent = await (await kim.GetAsync("/wiki/special/recent")).Content.ReadAsStringAsync(Ct);
        var feed = XDocument.Parse(await (await kim.GetAsync("/wiki/special/recent.atom")).Content.ReadAsStringAsync(Ct)).ToString();
        var moveByKim = await kim.PostFormAsync(PathOf(title) + "/move",
            new Dictionary<string, string> { ["newTitle"] = "김민수가 가로챈 이름" }, "/wiki");
        var forLee = await lee.GetAsync(PathOf(title));

        // Assert
        Assert.True(PortalClient.RedirectsTo(moved, PathOf(newTitle)), moved.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.DoesNotContain(newTitle, viewText, StringComparison.Ordinal);
        Assert.DoesNotContain(newTitle, noRedirect, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.DoesNotContain(newTitle, recent, StringComparison.Ordinal);
        Assert.DoesNotContain(newTitle, feed, StringComparison.Ordinal);
        Assert.False(PortalClient.RedirectsTo(moveByKim, PathOf("김민수가 가로챈 이름")), moveByKim.Headers.Location?.ToString());
        Assert.True(PortalClient.RedirectsTo(forLee, PathOf(newTitle)), forLee.StatusCode.ToString());
    }

    [Fact]
    public async Task Save_PageProtectedWhileEditing_Answers403InKoreanWithTheTextKept()
    {
        // Arrange: Kim opens the editor; meanwhile an administrator protects the page
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        const string title = "편집 중 보호된 문서";
        await SaveAsync(kim, title, "처음");
        var fields = await OpenEditorAsync(kim, title);
        fields["Input.Text"] = "김민수가 오래 쓴 긴 글";
        await admin.PostFormAsync(PathOf(title) + "/protect", new Dictionary<string, string> { ["protect"] = "true" }, PathOf(title) + "/manage");

        // Act
        var save = await PostEditorAsync(kim, title, fields);
        var document = await PortalClient.ParseAsync(save);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal("text/html", save.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(document.QuerySelector("p.alert[role=alert]")!.TextContent);
        Assert.Equal("김민수가 오래 쓴 긴 글", document.QuerySelector("textarea#wiki-text")!.TextContent);
        Assert.Equal("처음", await TextAsync(admin, title));
    }

    [Fact]
    public async Task Save_PostedToAnInvalidTitle_Answers400InKoreanWithTheTextKept()
    {
        // Arrange: "<b> 시험" is not a valid title (what the decoded form action of "%3Cb%3E 시험" used to post to)
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var fields = await OpenEditorAsync(kim, "올바른 제목");
        fields["Input.Text"] = "잃으면 안 되는 글";

        // Act
        var save = await kim.PostFormAsync("/wiki/%3Cb%3E_%EC%8B%9C%ED%97%98/edit", fields, PathOf("올바른 제목") + "/edit");
        var document = await PortalClient.ParseAsync(save);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Equal("text/html", save.Content.Headers.ContentType?.MediaType);
        Assert.Equal("잃으면 안 되는 글", document.QuerySelector("textarea#wiki-text")!.TextContent);
    }

    /// <summary>Posts the editor form in <paramref name="editor"/> to its own action (the page's URL when it has none), as a browser does.</summary>
    private static Task<HttpResponseMessage> SubmitEditorAsync(PortalClient client, IHtmlDocument editor, string path, string text)
    {
        var form = editor.QuerySelector("form.wiki-editor")!;
        var fields = FormFields(editor);
        fields["Input.Text"] = text;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        return client.PostFormAsync(action, fields);
    }

    private static string Tab(IHtmlDocument page, string tab) =>
        page.QuerySelectorAll(".wiki-tabs a").Select(a => a.GetAttribute("href")!).Single(h => h.EndsWith("/" + tab, StringComparison.Ordinal));
}
