using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Portal.Home;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Home;

/// <summary>
/// The portal with the per-person cache kept for 300 s, so that only an invalidation (never the clock) can make a page
/// show a change during a test.
/// </summary>
public sealed class LongPersonalCachePortal(SlapdFixture directory)
    : PortalApplicationFactory(directory, new Dictionary<string, string?> { [HomeCacheOptions.SectionName + ":PersonalCacheSeconds"] = "300" });

/// <summary>The home's and the launcher's per-person cache is read again when it must be (issue #18), through the real host.</summary>
public sealed class PersonalViewCacheHttpTests(LongPersonalCachePortal portal) : IClassFixture<LongPersonalCachePortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(PortalClient Client, string Session)> SignedInAsync(string login)
    {
        var client = portal.CreatePortalClient();
        var signIn = await client.SignInAsync(login, DemoAccounts.Password);
        Assert.True(PortalClient.RedirectsTo(signIn, "/"), signIn.StatusCode.ToString());
        return (client, PortalClient.SessionCookie(signIn));
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string path, string cookie)
    {
        using var response = await portal.GetWithCookieAsync(path, cookie);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(response);
    }

    private async Task<string> SubjectAsync(string login)
    {
        using var scope = portal.Services.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<IDirectoryService>().FindUserAsync(login, Ct);
        return person!.SubjectId;
    }

    private async Task<int> ApplicationIdAsync(string clientId)
    {
        using var scope = portal.Services.CreateScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<ApplicationCatalogue>();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationsDbContext>();
        return (await catalogue.FindAsync(db, clientId, Ct))!.Id;
    }

    /// <summary>A pin written by "another node": straight to the database, this node's cache is not told.</summary>
    private async Task PinElsewhereAsync(string subject, int applicationId)
    {
        using var scope = portal.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ILauncherService>().TogglePinAsync(subject, applicationId, Ct));
    }

    private static List<string?> Favorites(AngleSharp.Html.Dom.IHtmlDocument home) =>
        [.. home.QuerySelector("#favorites")!.Closest("section")!.QuerySelectorAll("a.open").Select(a => a.GetAttribute("href"))];

    [Fact]
    public async Task Home_PinOnAnotherNode_ShowsWithTheNewStampCookieAndNotFromTheCacheBefore()
    {
        // Arrange: Lee's home is read once and kept.
        var (client, session) = await SignedInAsync(DemoAccounts.LeeJiyoung.Uid);
        using var _ = client;
        var before = await PageAsync("/", session);
        await PinElsewhereAsync(await SubjectAsync(DemoAccounts.LeeJiyoung.Uid), await ApplicationIdAsync("doc-meeting-rooms"));

        // Act
        var sameStamp = await PageAsync("/", session);
        var newStamp = await PageAsync("/", session + "; " + PersonalViewCache.StampCookie + "=written-elsewhere");

        // Assert: the kept view until the browser brings the stamp another node gave it with the write.
        Assert.Empty(Favorites(before));
        Assert.Empty(Favorites(sameStamp));
        Assert.Equal(["/launch/doc-meeting-rooms"], Favorites(newStamp));
    }

    [Fact]
    public async Task Pin_ThroughThePortal_RenewsTheStampCookieAndTheNextHomeShowsIt()
    {
        // Arrange
        var (han, _) = await SignedInAsync(DemoAccounts.HanSeojun.Uid);
        using var client = han;
        var (_, before) = await han.GetDocumentAsync("/");
        var id = (await ApplicationIdAsync("doc-meeting-rooms")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Act
        using var pin = await han.PostFormAsync("/launcher/pin", new Dictionary<string, string> { ["id"] = id, ["returnUrl"] = "/#favorites" }, "/");
        var (_, after) = await han.GetDocumentAsync("/");
        using var unpin = await han.PostFormAsync("/launcher/pin", new Dictionary<string, string> { ["id"] = id, ["returnUrl"] = "/#favorites" }, "/");

        // Assert
        Assert.Empty(Favorites(before));
        Assert.Contains(pin.Headers.GetValues("Set-Cookie"), c => c.StartsWith(PersonalViewCache.StampCookie + "=", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["/launch/doc-meeting-rooms"], Favorites(after));
    }

    [Fact]
    public async Task HomeAndApps_AdministratorPutsAFavouriteIntoMaintenance_TheNextPagesShowItWithoutWaiting()
    {
        // Arrange: Kim has 회의실 예약 as a favourite; both pages are read and kept.
        var (kim, session) = await SignedInAsync(DemoAccounts.KimMinsu.Uid);
        using var client = kim;
        await PinElsewhereAsync(await SubjectAsync(DemoAccounts.KimMinsu.Uid), await ApplicationIdAsync("doc-meeting-rooms"));
        var stamp = session + "; " + PersonalViewCache.StampCookie + "=maintenance-test";
        var homeBefore = await PageAsync("/", stamp);
        var appsBefore = await PageAsync("/apps", stamp);

        // Act: an administrator on this node closes it for maintenance.
        using (var scope = portal.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<ApplicationAdminService>();
            var result = await admin.SetStatusAsync("doc-meeting-rooms", ApplicationStatus.Maintenance, "서버 점검 중입니다", "Server maintenance", "park.jihoon", Ct);
            Assert.Empty(result.Errors);
        }

        var homeAfter = await PageAsync("/", stamp);
        var appsAfter = await PageAsync("/apps", stamp);
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApplicationAdminService>()
                .SetStatusAsync("doc-meeting-rooms", ApplicationStatus.Active, null, null, "park.jihoon", Ct);
        }

        // Assert
        static string? TileClass(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelector("a.open[href='/launch/doc-meeting-rooms']")!.Closest("li")!.ClassName;
        Assert.DoesNotContain("maintenance", TileClass(homeBefore), StringComparison.Ordinal);
        Assert.DoesNotContain("maintenance", TileClass(appsBefore), StringComparison.Ordinal);
        Assert.Contains("maintenance", TileClass(homeAfter), StringComparison.Ordinal);
        Assert.Contains("maintenance", TileClass(appsAfter), StringComparison.Ordinal);
        Assert.Contains("회의실", homeAfter.QuerySelector("#home-maintenance")!.Closest("section")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apps_LanguageSwitched_ShowsEnglishAtOnceAndKoreanAgainAfter()
    {
        // Arrange
        var (kim, session) = await SignedInAsync(DemoAccounts.KimMinsu.Uid);
        using var client = kim;
        const string englishCookie = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";
        const string koreanCookie = ".AspNetCore.Culture=c%3Dko%7Cuic%3Dko";

        // Act: no write in between, only the language cookie changes.
        var korean = await PageAsync("/apps", session + "; " + koreanCookie);
        var english = await PageAsync("/apps", session + "; " + englishCookie);
        var koreanAgain = await PageAsync("/apps", session + "; " + koreanCookie);

        // Assert
        static string Headings(AngleSharp.Html.Dom.IHtmlDocument page) => string.Join('|', page.QuerySelectorAll("#apps-results h2").Select(h => h.TextContent));
        Assert.Contains("회의실 예약", korean.QuerySelector("#apps-results")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("회의실 예약", english.QuerySelector("#apps-results")!.TextContent, StringComparison.Ordinal);
        Assert.Matches("[A-Za-z]", Headings(english));
        Assert.DoesNotMatch("[가-힣]", Headings(english));
        Assert.Equal(Headings(korean), Headings(koreanAgain));
    }
}
