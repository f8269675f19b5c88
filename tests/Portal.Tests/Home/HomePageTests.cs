using System.Globalization;
using System.Security.Claims;
using Bunit;
using GatewayPortal.Boards;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Components.Pages.Wiki;
using GatewayPortal.Portal.Home;
using GatewayPortal.Portal.SignIn;
using GatewayPortal.Wiki.Watch;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static GatewayPortal.Portal.Tests.Home.HomeFakes;
using HomePage = GatewayPortal.Portal.Components.Pages.Home.Home;

namespace GatewayPortal.Portal.Tests.Home;

public sealed class HomePageTests : BunitContext
{
    // 2026-12-06 23:30 UTC is Monday 7 December 08:30 in Seoul.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero));
    private readonly DefaultHttpContext _http = new()
    {
        User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(PortalClaimTypes.Subject, "subject-kim"), new Claim(PortalClaimTypes.Name, "김민수"),
                new Claim(PortalClaimTypes.Department, "정보화담당관"), new Claim(PortalClaimTypes.Group, "staff"),
            ],
            "test")),
    };

    public HomePageTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddLogging();
        AddAuthorization().SetAuthorized("김민수");
        Services.AddScoped<SessionPersonReader>();
        Services.AddScoped<WikiActorFactory>();
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddScoped<HomeService>();
        // Cache off: every render reads through the fakes (PersonalViewCacheTests covers the cache).
        Services.AddMemoryCache();
        Services.AddSingleton<ApplicationCatalogue>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new HomeCacheOptions { PersonalCacheSeconds = 0 }));
        Services.AddSingleton<PersonalViewCache>();
    }

    private IRenderedComponent<HomePage> RenderHome(
        LauncherView view, IWorkCounterReader? counters = null, INoticeHeadlines? notices = null, IWikiWatchList? watch = null)
    {
        Services.AddSingleton<ILauncherService>(new Launcher(view));
        Services.AddSingleton(counters ?? new FakeCounters());
        Services.AddSingleton(notices ?? new Notices());
        Services.AddSingleton(watch ?? new Watch());
        return Render<HomePage>(p => p.AddCascadingValue(_http));
    }

    [Fact]
    public void Render_Korean_GreetsByNameWithTodaysDateInSeoul()
    {
        // Act
        var cut = RenderHome(View([], [], Approval));

        // Assert
        Assert.Equal("안녕하세요, 김민수님", cut.Find("h1").TextContent);
        Assert.Equal("2026년 12월 7일 월요일", cut.Find(".today time").TextContent);
        Assert.Equal("2026-12-07", cut.Find(".today time").GetAttribute("datetime"));
        Assert.Contains("정보화담당관", cut.Find(".today").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_English_WritesTheDateInEnglish()
    {
        // Arrange
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        // Act
        var cut = RenderHome(View([], [], Approval));

        // Assert
        Assert.Equal("Hello, 김민수", cut.Find("h1").TextContent);
        Assert.Equal("Monday, December 7, 2026", cut.Find(".today time").TextContent);
    }

    [Fact]
    public void Render_EverySourceEmpty_ShowsAnEmptyStateInEachSectionAndOnwardLinks()
    {
        // Act
        var cut = RenderHome(View([], [], Approval));

        // Assert
        var headings = cut.FindAll("section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["할 일", "공지", "즐겨찾기", "최근 사용", "오늘 점검", "위키 변경"], headings);
        Assert.Equal(6, cut.FindAll("section p.empty").Count);
        Assert.Contains("전체 시스템에서 ☆를 누르세요", cut.Find("#favorites").Closest("section")!.TextContent, StringComparison.Ordinal);
        var links = cut.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/apps", links);
        Assert.Contains("/org", links);
        Assert.Contains("/notices", links);
        Assert.Empty(cut.FindAll("form"));
    }

    [Fact]
    public void Render_Counters_ListsSystemLabelAndCountLinkingThroughTheLaunchRoute()
    {
        // Arrange
        var counters = new FakeCounters(
            Counter(Approval, "approvals", "결재 대기", 3, "https://approval.example/inbox?box=wait&n=1"),
            Counter(Mail, "unread", "안 읽은 메일", 12));

        // Act
        var cut = RenderHome(View([], [], Approval, Mail), counters);

        // Assert
        var items = cut.FindAll(".work-list a");
        Assert.Equal(2, items.Count);
        Assert.Equal("전자결재 · 결재 대기 3건 (새 창에서 열림)", Normalize(items[0].TextContent)); // systems open in a new tab by default
        Assert.Equal("_blank", items[0].GetAttribute("target"));
        Assert.Equal("noopener", items[0].GetAttribute("rel"));
        Assert.Equal("/launch/approval?target=" + Uri.EscapeDataString("https://approval.example/inbox?box=wait&n=1"), items[0].GetAttribute("href"));
        Assert.Equal("/launch/mail", items[1].GetAttribute("href"));
        Assert.Equal("subject-kim", counters.AskedFor);
        Assert.Contains("모두 15건", cut.Find("#home-work").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CounterOfASystemThePersonMayNotUse_IsLeftOut()
    {
        // Arrange: hr is not in the person's launcher (not in its allowed groups).
        var counters = new FakeCounters(Counter(Hr, "leave", "휴가 승인", 2), Counter(Approval, "approvals", "결재 대기", 1));

        // Act
        var cut = RenderHome(View([], [], Approval), counters);

        // Assert
        var item = Assert.Single(cut.FindAll(".work-list a"));
        Assert.DoesNotContain("인사관리", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("결재 대기", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Notices_PinnedFirstWithNewMarkAndLinkToTheNotice()
    {
        // Arrange
        var notices = new Notices(Notice(41, "연말 보안 점검 안내", pinned: true), Notice(40, "12월 당직 근무표", unread: true, attachments: 2));

        // Act
        var cut = RenderHome(View([], [], Approval), notices: notices);

        // Assert
        var rows = cut.FindAll(".notice-list li");
        Assert.Equal(2, rows.Count);
        Assert.Contains("pinned", rows[0].ClassList);
        Assert.Equal("/notices/all/41", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("고정", rows[0].QuerySelector(".tag.pin")!.TextContent);
        Assert.Null(rows[0].QuerySelector(".tag.new"));
        Assert.Equal("새 글", rows[1].QuerySelector(".tag.new")!.TextContent);
        Assert.Contains("첨부 2개", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("12.06", rows[1].QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("subject-kim", "정보화담당관", false), (notices.Viewer!.SubjectId, notices.Viewer.Department, notices.Viewer.IsAdministrator));
        Assert.Equal(["staff"], notices.Viewer.Groups);
    }

    [Fact]
    public void Render_FavoritesWithCounters_ShowsTilesWithBadgeAndAPinFormReturningHome()
    {
        // Arrange
        var favorite = Approval with { IsPinned = true };
        var counters = new FakeCounters(Counter(Approval, "approvals", "결재 대기", 3), Counter(Approval, "returned", "반려", 2));

        // Act
        var cut = RenderHome(View([favorite, Mail with { IsPinned = true }], [Mail], Approval, Mail), counters);

        // Assert
        var section = cut.Find("#favorites").Closest("section")!;
        var tiles = section.QuerySelectorAll("li.tile");
        Assert.Equal(2, tiles.Length);
        Assert.Equal("처리할 일 5건", tiles[0].QuerySelector(".work .visually-hidden")!.TextContent);
        Assert.Equal("5", tiles[0].QuerySelector(".work [aria-hidden=true]")!.TextContent);
        Assert.Null(tiles[1].QuerySelector(".work"));
        Assert.Equal("/launcher/pin", section.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("/#favorites", section.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
        Assert.Single(cut.Find("#recent").Closest("section")!.QuerySelectorAll("li.tile"));
    }

    [Fact]
    public void Render_Maintenance_ListsOnlySystemsThePersonUsesWithTheirMessage()
    {
        // Arrange: budget is a favourite, cars is in the catalogue only; both under maintenance.
        var view = View([Budget with { IsPinned = true }], [], Approval, Budget, Cars);

        // Act
        var cut = RenderHome(view);

        // Assert
        var row = Assert.Single(cut.FindAll(".maintenance-list li"));
        Assert.Contains("예산회계", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("12월 7일 18시까지 정기 점검", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("관용차량", cut.Find("#home-maintenance").Closest("section")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MaintenanceOfASystemWithACounter_IsListed()
    {
        // Act
        var cut = RenderHome(View([], [], Approval, Cars), new FakeCounters(Counter(Cars, "bookings", "예약 승인", 1)));

        // Assert
        Assert.Contains("차량 예약 점검", Assert.Single(cut.FindAll(".maintenance-list li")).TextContent, StringComparison.Ordinal);
        Assert.Equal("점검 중", cut.Find(".work-list .tag.maintenance").TextContent);
    }

    [Fact]
    public void Render_WikiChanges_LinkToThePageAndToTheDiff()
    {
        // Arrange
        var watch = new Watch(Change("복무 규정", 12, 11), Change("새 문서", 20, null));

        // Act
        var cut = RenderHome(View([], [], Approval), watch: watch);

        // Assert
        var rows = cut.FindAll(".wiki-list li");
        Assert.Equal(2, rows.Count);
        var links = rows[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(WikiPaths.View(watch.Changes[0].Title), links[0]);
        Assert.Equal(WikiPaths.Diff(watch.Changes[0].Title, 11, 12), links[1]);
        Assert.Contains("09:30", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("이지영", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Single(rows[1].QuerySelectorAll("a"));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
