using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using GatewayPortal.Data;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Search;

/// <summary>A portal that looks for due crawls often, with one configured site (read-only on the admin page).</summary>
public sealed class CrawlAdminPortal(SlapdFixture directory) : IAsyncLifetime
{
    public PortalApplicationFactory Portal { get; private set; } = default!;

    public CrawlTestSite Configured { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Configured = await CrawlTestSite.StartAsync();
        Configured.Page("/", "설정 사이트 첫 화면", "설정으로 등록한 사이트");
        Portal = new PortalApplicationFactory(directory, new Dictionary<string, string?>
        {
            ["Search:Crawl:Sites:0:StartUrl"] = Configured.Url,
            ["Search:Crawl:Sites:0:Name"] = "설정 사이트",
            ["Search:Crawl:Sites:0:PolitenessDelay"] = "00:00:00",
            ["Search:Crawl:FirstAfter"] = "00:00:00",
            ["Search:Crawl:PollInterval"] = "00:00:00.200",
            ["Search:Crawl:StatusInterval"] = "00:00:00.100",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Configured.DisposeAsync();
    }
}

/// <summary>/admin/search/sites: add, validate, crawl now, progress, visibility, disable and delete.</summary>
public sealed class CrawlSiteAdminTests(CrawlAdminPortal fixture) : IClassFixture<CrawlAdminPortal>
{
    private const string Sites = "/admin/search/sites";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private PortalApplicationFactory Portal => fixture.Portal;

    [Fact]
    public async Task AddSite_InvalidFields_ShowsEveryErrorAndKeepsWhatWasTyped()
    {
        // Arrange
        using var admin = await SignedInAsync(Portal, DemoAccounts.ParkJihoon.Uid);
        var fields = await NewSiteFormAsync(admin, "", "ftp://intra.example/");
        fields["Input.AllowedHosts"] = "intra.example\nbad host!";
        fields["Input.MaxPages"] = "12abc";
        fields["Input.MaxDepth"] = "99";
        fields["Input.PolitenessDelaySeconds"] = "-1";
        fields["Input.MaxConcurrencyPerHost"] = "0";
        fields["Input.IntervalMinutes"] = "5";
        fields["Input.Visibility"] = "groups";
        fields["Input.AllowedGroups"] = "";

        // Act
        var response = await admin.PostFormAsync(Sites + "/new", fields, Sites + "/new");
        var page = await PortalClient.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = page.QuerySelectorAll("#form-errors li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#f-Name", "#f-StartUrl", "#f-AllowedHosts", "#f-MaxPages", "#f-MaxDepth", "#f-MaxConcurrencyPerHost", "#f-IntervalMinutes",
            "#f-PolitenessDelaySeconds", "#f-AllowedGroups"], summary);
        Assert.Contains("필수 항목입니다.", page.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("'host!'", page.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ftp://intra.example/", Value(page, "f-StartUrl"));
        Assert.Equal("12abc", Value(page, "f-MaxPages"));
        Assert.Equal("-1", Value(page, "f-PolitenessDelaySeconds"));
        Assert.Equal("intra.example\nbad host!", page.QuerySelector("#f-AllowedHosts")?.TextContent);
        Assert.True(page.QuerySelector("#v-groups")?.HasAttribute("checked"));
        Assert.NotNull(page.QuerySelector("form input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task AddSite_UnknownGroup_IsRefusedNamingTheGroup()
    {
        // Arrange
        using var admin = await SignedInAsync(Portal, DemoAccounts.ParkJihoon.Uid);
        var fields = await NewSiteFormAsync(admin, "그룹 오타", "http://127.0.0.1:9/typo/");
        fields["Input.Visibility"] = "groups";
        fields["Input.AllowedGroups"] = "role-hr, role-hrr";

        // Act
        var response = await admin.PostFormAsync(Sites + "/new", fields, Sites + "/new");
        var page = await PortalClient.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role-hrr", page.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("role-hr,", page.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await RowAsync(admin, "그룹 오타"));
    }

    [Fact]
    public async Task AddSite_Valid_IsCrawledWithCountsAndFoundInSearchThenCrawlNowRunsAgain()
    {
        // Arrange
        await using var site = await CrawlTestSite.StartAsync();
        site.Page("/", "구청 소식", "구청 소식 첫 화면", "/notice.html", "/map.html");
        site.Page("/notice.html", "보도블록 교체 공사 안내", "보도블록교체 공사를 합니다.");
        site.Page("/map.html", "청사 안내도", "청사 안내도입니다.");
        using var admin = await SignedInAsync(Portal, DemoAccounts.ParkJihoon.Uid);
        using var staff = await SignedInAsync(Portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var added = await AddAsync(admin, "구청 소식", site.Url);
        var finished = await WaitForStateAsync(admin, "구청 소식", "완료");
        var results = await staff.GetDocumentUntilAsync("/search?source=web&q=" + Uri.EscapeDataString("보도블록교체"),
            p => p.QuerySelector(".search-hit") is not null, Patience);
        var key = finished.GetAttribute("data-site")!;
        var crawlNow = await admin.PostFormAsync(Sites, new Dictionary<string, string> { ["_handler"] = "crawl-" + key }, Sites);
        var again = await WaitUntilAsync(admin, p => site.Count("/") == 2 && Cell(RowIn(p, "구청 소식"), "state").Contains("완료", StringComparison.Ordinal));

        // Assert
        Assert.True(PortalClient.RedirectsTo(added, Sites + "?notice=saved"), added.StatusCode.ToString());
        Assert.Equal("3", finished.QuerySelector("dd.indexed")?.TextContent);
        Assert.Equal("3", finished.QuerySelector("dd.fetched")?.TextContent);
        Assert.Contains("관리 화면", finished.TextContent, StringComparison.Ordinal);
        Assert.NotNull(finished.QuerySelector("time"));
        Assert.Equal(site.Url + "notice.html", results.QuerySelector(".search-hit h2 a")?.GetAttribute("href"));
        Assert.True(PortalClient.RedirectsTo(crawlNow, Sites + "?notice=requested"), crawlNow.StatusCode.ToString());
        Assert.Equal(2, site.Count("/"));
        Assert.Equal("3", RowIn(again, "구청 소식")!.QuerySelector("dd.unchanged")?.TextContent);
    }

    [Fact]
    public async Task Progress_WhileCrawling_ShowsAProgressBarWithATextEquivalent()
    {
        // Arrange
        await using var site = await CrawlTestSite.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        site.Page("/", "진행 확인", "첫 화면", "/1.html", "/slow.html", "/3.html");
        site.Page("/1.html", "첫째", "첫째 페이지");
        site.Held("/slow.html", "느린 페이지", gate.Task, reached);
        site.Page("/3.html", "셋째", "셋째 페이지");
        using var admin = await SignedInAsync(Portal, DemoAccounts.ParkJihoon.Uid);
        await AddAsync(admin, "진행 확인", site.Url);
        await reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        // Act
        var running = await WaitUntilAsync(admin, p => RowIn(p, "진행 확인")?.QuerySelector("dd.fetched")?.TextContent == "2");
        gate.SetResult();
        var done = await WaitForStateAsync(admin, "진행 확인", "완료");

        // Assert
        var row = RowIn(running, "진행 확인")!;
        var bar = row.QuerySelector("progress")!;
        Assert.Contains("수집 중", Cell(row, "state"), StringComparison.Ordinal);
        // The page in flight still counts as queued.
        Assert.Equal("2", bar.GetAttribute("value"));
        Assert.Equal("4", bar.GetAttribute("max"));
        Assert.Equal("2 / 4", bar.TextContent.Trim());
        Assert.Equal("2건 가져옴, 2건 대기 중", running.QuerySelector($"label[for='{bar.Id}']")?.TextContent);
        Assert.Null(running.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Null(row.QuerySelector("button[aria-label^='진행 확인 지금 수집']"));
        Assert.Null(done.QuerySelector("progress"));
        Assert.Equal("4", done.QuerySelector("dd.indexed")?.TextContent);
    }

    [Fact]
    public async Task Visibility_GroupsOnly_HidesPagesFromOthersUntilOpenedToEveryone()
    {
        // Arrange
        await using var site = await CrawlTestSite.StartAsync();
        site.Page("/", "인사 게시판", "인사발령통지 게시판");
        using var admin = await SignedInAsync(Portal, DemoAccounts.ParkJihoon.Uid);
        using var hr = await SignedInAsync(Portal, DemoAccounts.LeeJiyoung.Uid);
        using var staff = await SignedInAsync(Portal, DemoAccounts.KimMinsu.Uid);
        var fields = await NewSiteFormAsync(admin, "인사 게시판", site.Url);
        fields["Input.Visibility"] = "groups";
        fields["Input.AllowedGroups"] = "role-hr";
        await admin.PostFormAsync(Sites + "/new", fields, Sites + "/new");
        var row = await WaitForStateAsync(admin, "인사 게시판", "완료");
        var query = "/search?source=web&q=" + Uri.EscapeDataString("인사발령통지");

        // Act
        var forHr = await hr.GetDocumentUntilAsync(query, p => p.QuerySelector(".search-hit") is not null, Patience);
        var (_, forStaff) = await staff.GetDocumentAsync(query);
        var edit = row.QuerySelector("a[href$='/edit']")!.GetAttribute("href")!;
        var (_, editPage) = await admin.GetDocumentAsync(edit);
        var editFields = FormFields(editPage);
        editFields["Input.Visibility"] = "everyone";
        var saved = await admin.PostFormAsync(edit, editFields, edit);
        var forStaffAfter = await staff.GetDocumentUntilAsync(query, p => p.QuerySelector(".search-hit") is not null, Patience);

        // Assert
        Assert.NotNull(forHr.QuerySelector(".search-hit"));
        Assert.Null(forStaff.QuerySelector(".search-hit"));
        Assert.Equal("role-hr", editPage.QuerySelector("#f-AllowedGroups")?.TextContent);
        Assert.True(PortalClient.RedirectsTo(saved, Sites + "?notice=saved"), saved.StatusCode.ToString());
        Assert.NotNull(forStaffAfter.QuerySelector(".search-hit"));
        Assert.Equal(1, site.Count("/"));
    }

    [Fact]
    public async Task DeleteSite_RemovesItsPagesFromSearchAndItsRows()
    {
        // Arrange
        await using var site = await CrawlTestSite.StartAsync();
        site.Page("/", "폐지 예정 사이트", "폐지예정안내문 입니다.", "/old.html");
        site.Page("/old.html", "옛 문서", "폐지예정안내문 둘째");
        using var admin = await SignedInAsync(Portal, DemoAccounts.ParkJihoon.Uid);
        await AddAsync(admin, "폐지 예정 사이트", site.Url);
        var row = await WaitForStateAsync(admin, "폐지 예정 사이트", "완료");
        var key = row.GetAttribute("data-site")!;
        var query = "/search?source=web&q=" + Uri.EscapeDataString("폐지예정안내문");
        var before = await admin.GetDocumentUntilAsync(query, p => p.QuerySelectorAll(".search-hit").Length == 2, Patience);
        var edit = row.QuerySelector("a[href$='/edit']")!.GetAttribute("href")!;

        // Act
        var unconfirmed = await admin.PostFormAsync(edit, new Dictionary<string, string> { ["_handler"] = "delete" }, edit);
        var deleted = await admin.PostFormAsync(edit, new Dictionary<string, string> { ["_handler"] = "delete", ["confirm"] = "yes" }, edit);
        var (_, after) = await admin.GetDocumentAsync(query);
        var (_, list) = await admin.GetDocumentAsync(Sites);

        // Assert
        Assert.Equal(2, before.QuerySelectorAll(".search-hit").Length);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.True(PortalClient.RedirectsTo(deleted, Sites + "?notice=deleted"), deleted.StatusCode.ToString());
        Assert.Empty(after.QuerySelectorAll(".search-hit"));
        Assert.Null(RowIn(list, "폐지 예정 사이트"));
        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await db.CrawlPages.AnyAsync(p => p.Site == key, TestContext.Current.CancellationToken));
        Assert.False(await db.CrawlSiteStatus.AnyAsync(s => s.Site == key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Disable_HidesCrawlNowAndRefusesARequest()
    {
        // Arrange
        await using var site = await CrawlTestSite.StartAsync();
        site.Page("/", "끌 사이트", "끌 사이트");
        using var admin = await SignedInAsync(Portal, DemoAccounts.ParkJihoon.Uid);
        await AddAsync(admin, "끌 사이트", site.Url);
        var row = await WaitForStateAsync(admin, "끌 사이트", "완료");
        var key = row.GetAttribute("data-site")!;

        // Act
        var disabled = await admin.PostFormAsync(Sites, new Dictionary<string, string> { ["_handler"] = EnableFormName(row) }, Sites);
        var (_, list) = await admin.GetDocumentAsync(Sites);
        var refused = await admin.PostFormAsync(Sites, new Dictionary<string, string> { ["_handler"] = "crawl-" + key }, Sites);

        // Assert
        Assert.True(PortalClient.RedirectsTo(disabled, Sites + "?notice=disabled"), disabled.StatusCode.ToString());
        var after = RowIn(list, "끌 사이트")!;
        Assert.Contains("수집 꺼짐", after.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("button[aria-label='끌 사이트 지금 수집']"));
        Assert.NotNull(after.QuerySelector("button[aria-label='끌 사이트 수집 켜기']"));
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(1, site.Count("/"));
    }

    [Fact]
    public async Task ConfiguredSite_IsListedReadOnlyAndUnknownSitesAre404()
    {
        // Arrange
        using var admin = await SignedInAsync(Portal, DemoAccounts.ParkJihoon.Uid);

        // Act
        var list = await admin.GetDocumentUntilAsync(Sites, p => RowIn(p, "설정 사이트") is { } r && Cell(r, "state").Contains("완료", StringComparison.Ordinal), Patience);
        var missing = await admin.GetAsync(Sites + "/999999/edit");
        var (_, index) = await admin.GetDocumentAsync("/admin/search");

        // Assert
        var row = RowIn(list, "설정 사이트")!;
        Assert.Contains("설정 파일", row.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("a[href$='/edit']"));
        Assert.NotNull(row.QuerySelector("button[aria-label='설정 사이트 지금 수집']"));
        Assert.Equal("1", row.QuerySelector("dd.indexed")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotNull(index.QuerySelector($"a[href='{Sites}']"));
        Assert.Equal("col", list.QuerySelector("table.data thead th")?.GetAttribute("scope"));
    }

    [Fact]
    public async Task Forms_WithoutAntiforgeryToken_AreRefused()
    {
        // Arrange
        using var admin = await SignedInAsync(Portal, DemoAccounts.ParkJihoon.Uid);
        var fields = await NewSiteFormAsync(admin, "토큰 없음", "http://127.0.0.1:9/no-token/");
        fields.Remove("__RequestVerificationToken");

        // Act
        var add = await admin.PostFormAsync(Sites + "/new", fields, withToken: false);
        var crawl = await admin.PostFormAsync(Sites, new Dictionary<string, string> { ["_handler"] = "crawl-no-such-site" }, withToken: false);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, crawl.StatusCode);
        Assert.Null(await RowAsync(admin, "토큰 없음"));
    }

    [Fact]
    public async Task SitesPages_StaffWithoutAdminGroup_AreDenied()
    {
        // Arrange
        using var staff = await SignedInAsync(Portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var list = await staff.GetAsync(Sites);
        var add = await staff.GetAsync(Sites + "/new");

        // Assert
        Assert.True(PortalClient.RedirectsTo(list, "/account/access-denied"), list.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(add, "/account/access-denied"), add.StatusCode.ToString());
    }

    private static async Task<Dictionary<string, string>> NewSiteFormAsync(PortalClient admin, string name, string startUrl)
    {
        var (response, page) = await admin.GetDocumentAsync(Sites + "/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fields = FormFields(page);
        fields["Input.Name"] = name;
        fields["Input.StartUrl"] = startUrl;
        fields["Input.PolitenessDelaySeconds"] = "0";
        return fields;
    }

    private static async Task<HttpResponseMessage> AddAsync(PortalClient admin, string name, string startUrl) =>
        await admin.PostFormAsync(Sites + "/new", await NewSiteFormAsync(admin, name, startUrl), Sites + "/new");

    // What the browser would post: text inputs, text areas, checked boxes and radios (token included).
    private static Dictionary<string, string> FormFields(IHtmlDocument page)
    {
        var form = page.QuerySelector("#f-Name")?.Closest("form") ?? throw new InvalidOperationException("No site form.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var type = input.GetAttribute("type");
            if (type is "checkbox" or "radio" && !input.HasAttribute("checked"))
            {
                continue;
            }

            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }

        foreach (var area in form.QuerySelectorAll("textarea[name]"))
        {
            fields[area.GetAttribute("name")!] = area.TextContent;
        }

        return fields;
    }

    private static string? Value(IHtmlDocument page, string id) => page.QuerySelector("#" + id)?.GetAttribute("value");

    private static IElement? RowIn(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("tr[data-site]").FirstOrDefault(r => r.QuerySelector("th")?.FirstChild?.TextContent == name);

    private static string Cell(IElement? row, string cell) => row?.QuerySelector("td." + cell)?.TextContent ?? "";

    private static string EnableFormName(IElement row) => row.QuerySelectorAll("td.site-actions form input[name=_handler]")
        .Select(i => i.GetAttribute("value")!).Single(v => v.StartsWith("enable-", StringComparison.Ordinal));

    private static async Task<IElement?> RowAsync(PortalClient admin, string name) => RowIn((await admin.GetDocumentAsync(Sites)).Document, name);

    private static Task<IHtmlDocument> WaitUntilAsync(PortalClient admin, Func<IHtmlDocument, bool> done) =>
        admin.GetDocumentUntilAsync(Sites, done, Patience);

    private static async Task<IElement> WaitForStateAsync(PortalClient admin, string name, string state)
    {
        var page = await WaitUntilAsync(admin, p => Cell(RowIn(p, name), "state").Contains(state, StringComparison.Ordinal));
        var row = RowIn(page, name);
        Assert.True(row is not null && Cell(row, "state").Contains(state, StringComparison.Ordinal), $"{name}: {Cell(row, "state")}");
        return row;
    }
}
