using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Home;

/// <summary>
/// The home (/), the catalogue (/apps), pins and counter links through the real host and slapd. The home's notice,
/// counter and watch-list sources are this branch's empty placeholders: every section shows its empty state.
/// </summary>
public sealed class HomeHttpTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private async Task<PortalClient> SignedInAsync(string login)
    {
        var client = portal.CreatePortalClient();
        var signIn = await client.SignInAsync(login, DemoAccounts.Password);
        Assert.True(PortalClient.RedirectsTo(signIn, "/"), signIn.StatusCode.ToString());
        return client;
    }

    [Fact]
    public async Task Home_SignedIn_GreetsAndShowsEverySectionWithItsEmptyStateAndTheFooter()
    {
        // Arrange
        using var kim = await SignedInAsync(DemoAccounts.KimMinsu.Uid);

        // Act
        var (response, page) = await kim.GetDocumentAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("안녕하세요, 김민수님", page.QuerySelector("h1")!.TextContent);
        Assert.Matches(@"^\d{4}년 \d{1,2}월 \d{1,2}일 [월화수목금토일]요일$", page.QuerySelector(".today time")!.TextContent);
        var headings = page.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["할 일", "공지", "즐겨찾기", "최근 사용", "오늘 점검", "위키 변경"], headings);
        Assert.Contains("처리를 기다리는 일이 없습니다", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var nav = page.QuerySelectorAll("header nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/apps"], nav.Take(2));
        var privacy = page.QuerySelector("footer a.privacy")!;
        Assert.Equal("개인정보처리방침", privacy.QuerySelector("strong")!.TextContent);
        Assert.Equal("/wiki/개인정보처리방침", privacy.GetAttribute("href"));
        Assert.Contains("02-2133-0120", page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:0221330120", page.QuerySelector("footer a[href^='tel:']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Home_English_FooterAndDateInEnglish()
    {
        // Arrange
        using var kim = await SignedInAsync(DemoAccounts.KimMinsu.Uid);
        kim.Http.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        // Act
        var (_, page) = await kim.GetDocumentAsync("/");

        // Assert
        Assert.Matches(@"^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}$", page.QuerySelector(".today time")!.TextContent);
        Assert.Equal("Privacy policy", page.QuerySelector("footer a.privacy")!.TextContent);
        Assert.Contains("Weekdays", page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/apps")]
    public async Task Page_Anonymous_RedirectsToLogin(string path)
    {
        // Arrange
        using var anonymous = portal.CreatePortalClient();

        // Act
        var response = await anonymous.GetAsync(path);

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/account/login"), response.StatusCode.ToString());
    }

    [Fact]
    public async Task Apps_Filter_ListsTheCatalogueAndKeepsTheFilterInThePinForm()
    {
        // Arrange
        using var kim = await SignedInAsync(DemoAccounts.KimMinsu.Uid);

        // Act
        var (_, all) = await kim.GetDocumentAsync("/apps");
        var (_, filtered) = await kim.GetDocumentAsync("/apps?q=" + Uri.EscapeDataString("회의실"));

        // Assert
        Assert.Equal("전체 시스템", all.QuerySelector("h1")!.TextContent);
        var tiles = all.QuerySelectorAll("a.open").Length;
        Assert.True(tiles > 50, $"{tiles} tiles");
        Assert.Contains("/launch/doc-meeting-rooms", filtered.QuerySelectorAll("a.open").Select(a => a.GetAttribute("href")));
        Assert.Equal("/apps?q=" + Uri.EscapeDataString("회의실"), filtered.QuerySelector("form.launcher input[name=returnUrl]")!.GetAttribute("value"));
        Assert.Empty(all.QuerySelectorAll(".work")); // no counters in this branch: no badges
    }

    [Fact]
    public async Task Pin_FromTheCatalogueThenUnpinFromTheHome_EachReturnsWhereItWasPressed()
    {
        // Arrange
        using var han = await SignedInAsync(DemoAccounts.HanSeojun.Uid);
        var (_, apps) = await han.GetDocumentAsync("/apps?q=" + Uri.EscapeDataString("회의실"));
        var id = apps.QuerySelectorAll("li.tile").First(t => t.QuerySelector("a.open")!.GetAttribute("href") == "/launch/doc-meeting-rooms")
            .QuerySelector("button.pin")!.GetAttribute("value")!;

        // Act
        var pin = await han.PostFormAsync("/launcher/pin", new Dictionary<string, string> { ["id"] = id, ["returnUrl"] = "/apps?q=회의실" }, "/apps");
        var (_, home) = await han.GetDocumentAsync("/");
        var unpin = await han.PostFormAsync("/launcher/pin", new Dictionary<string, string> { ["id"] = id, ["returnUrl"] = "/#favorites" }, "/");
        var (_, after) = await han.GetDocumentAsync("/");

        // Assert
        Assert.Equal("/apps?q=회의실", PortalClient.LocationPath(pin) is { } p ? Uri.UnescapeDataString(p) : null);
        var favorites = home.QuerySelector("#favorites")!.Closest("section")!;
        Assert.Equal("/launch/doc-meeting-rooms", Assert.Single(favorites.QuerySelectorAll("a.open")).GetAttribute("href"));
        Assert.Equal("true", favorites.QuerySelector("button.pin")!.GetAttribute("aria-pressed"));
        Assert.Equal("/#favorites", unpin.Headers.Location?.OriginalString);
        Assert.Empty(after.QuerySelector("#favorites")!.Closest("section")!.QuerySelectorAll("a.open"));
        Assert.Contains("전체 시스템에서 ☆를 누르세요", after.QuerySelector("#favorites")!.Closest("section")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("")]
    public async Task Pin_ReturnUrlNotLocal_GoesToTheCataloguesFavorites(string returnUrl)
    {
        // Arrange
        using var lee = await SignedInAsync(DemoAccounts.LeeJiyoung.Uid);

        // Act: pinned and unpinned again, so the account is left as it was.
        var first = await lee.PostFormAsync("/launcher/pin", new Dictionary<string, string> { ["id"] = "1", ["returnUrl"] = returnUrl }, "/");
        var second = await lee.PostFormAsync("/launcher/pin", new Dictionary<string, string> { ["id"] = "1", ["returnUrl"] = returnUrl }, "/");

        // Assert
        Assert.Equal("/apps#favorites", first.Headers.Location?.OriginalString);
        Assert.Equal("/apps#favorites", second.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Launch_TargetOnTheSystemsOwnOrigin_RedirectsThereAndCountsAsRecent()
    {
        // Arrange
        using var kim = await SignedInAsync(DemoAccounts.KimMinsu.Uid);
        const string target = "https://doc-meeting-rooms.apps.cityhall.example/bookings?state=waiting";

        // Act
        var response = await kim.GetAsync("/launch/doc-meeting-rooms?target=" + Uri.EscapeDataString(target));
        var (_, home) = await kim.GetDocumentAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location?.ToString());
        Assert.Contains("/launch/doc-meeting-rooms", home.QuerySelector("#recent")!.Closest("section")!.QuerySelectorAll("a.open").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://doc-meeting-rooms.apps.cityhall.example.evil.example/")]
    [InlineData("http://doc-meeting-rooms.apps.cityhall.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/admin")]
    [InlineData("")]
    public async Task Launch_TargetOffTheSystemsOrigin_Answers400WithAMessage(string target)
    {
        // Arrange
        using var kim = await SignedInAsync(DemoAccounts.KimMinsu.Uid);

        // Act
        var (response, page) = await kim.GetDocumentAsync("/launch/doc-meeting-rooms?target=" + Uri.EscapeDataString(target));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("시스템 밖의 주소", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_TargetOfASystemThePersonMayNotUse_IsDeniedBeforeTheTargetIsLookedAt()
    {
        // Arrange: hr-personnel is for role-hr only.
        using var kim = await SignedInAsync(DemoAccounts.KimMinsu.Uid);

        // Act
        var response = await kim.GetAsync("/launch/hr-personnel?target=" + Uri.EscapeDataString("https://hr-personnel.apps.cityhall.example/x"));

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/apps/hr-personnel/denied"), response.StatusCode.ToString());
    }
}
