using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Launcher;

/// <summary>The catalogue's counts in both languages, the refusal page's contact line and an ended maintenance, through the real host.</summary>
public sealed class LauncherHttpTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private async Task<PortalClient> SignedInAsync(string login)
    {
        var client = portal.CreatePortalClient();
        var signIn = await client.SignInAsync(login, DemoAccounts.Password);
        Assert.True(PortalClient.RedirectsTo(signIn, "/"), signIn.StatusCode.ToString());
        return client;
    }

    [Fact]
    public async Task Denied_NotInTheAllowedGroups_NamesTheDepartmentOnceWithItsNumber()
    {
        // Arrange: hr-personnel is for role-hr only; its owner is 인사과 and its contact "인사과 02-2133-1000".
        using var kim = await SignedInAsync(DemoAccounts.KimMinsu.Uid);

        // Act
        var (response, page) = await kim.GetDocumentAsync("/apps/hr-personnel/denied");

        // Assert
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("담당 부서(인사과 02-2133-1000)에 요청하세요", text, StringComparison.Ordinal);
        Assert.DoesNotContain("인사과, 인사과", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("회의실 예약", "1 system", "1 system found.")]
    [InlineData("ㅇㅅ", "systems", "systems found.")]
    public async Task Apps_English_CountsUseSingularForOneAndPluralOtherwise(string query, string sectionCount, string found)
    {
        // Arrange
        using var kim = await SignedInAsync(DemoAccounts.KimMinsu.Uid);
        kim.Http.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        // Act
        var (_, page) = await kim.GetDocumentAsync("/apps?q=" + Uri.EscapeDataString(query));

        // Assert
        var count = page.QuerySelector("#results .count")!.TextContent;
        var status = page.QuerySelector("#apps-found")!.TextContent;
        if (sectionCount == "1 system")
        {
            Assert.Equal(sectionCount, count);
            Assert.Equal(found, status);
        }
        else
        {
            Assert.Matches(@"^([02-9]|\d{2,}) systems$", count);
            Assert.EndsWith(found, status, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"^1 systems", count);
        }
    }

    [Fact]
    public async Task Apps_MaintenanceThatEnded_ShowsNoNoticeAndTheSystemOpens()
    {
        // Arrange: 건강검진 예약 was closed "12월 1일까지" (maintenanceEndsUtc 2026-12-01T15:00Z); it is later than that now.
        Assert.True(DateTimeOffset.UtcNow > new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        using var lee = await SignedInAsync(DemoAccounts.LeeJiyoung.Uid);

        // Act
        var (_, page) = await lee.GetDocumentAsync("/apps?q=" + Uri.EscapeDataString("건강검진"));
        var launch = await lee.GetAsync("/launch/hr-health");

        // Assert
        var tile = page.QuerySelectorAll("li.tile").Single(t => t.TextContent.Contains("건강검진 예약", StringComparison.Ordinal));
        Assert.DoesNotContain("maintenance", tile.ClassName, StringComparison.Ordinal);
        Assert.Null(tile.QuerySelector(".badge"));
        Assert.DoesNotContain("12월 1일까지", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, launch.StatusCode);
        Assert.StartsWith("https://hr-health.", launch.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LaunchWindow_UnknownChoice_Is400WithAMessageAndKeepsTheEarlierChoice()
    {
        // Arrange: the person chose "this tab"; a tampered form then sends a value that is neither choice.
        using var kim = await SignedInAsync(DemoAccounts.KimMinsu.Uid);
        using var chosen = await kim.PostFormAsync(
            GatewayPortal.Portal.Home.LaunchWindow.Path, new Dictionary<string, string> { ["newTab"] = "false", ["returnUrl"] = "/apps" }, "/apps");

        // Act
        using var bad = await kim.PostFormAsync(
            GatewayPortal.Portal.Home.LaunchWindow.Path, new Dictionary<string, string> { ["newTab"] = "maybe", ["returnUrl"] = "/apps" }, "/apps");
        var body = await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var (_, apps) = await kim.GetDocumentAsync("/apps");

        // Assert
        Assert.True(PortalClient.RedirectsTo(chosen, "/apps"), chosen.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("시스템을 여는 방식(새 탭 또는 현재 탭) 값이 올바르지 않습니다", body, StringComparison.Ordinal);
        Assert.Null(apps.QuerySelector("a[href^='/launch/'][target='_blank']"));
    }

    [Fact]
    public async Task AdminList_MaintenanceThatEnded_ShowsTheSystemAsInService()
    {
        // Arrange: 건강검진 예약's maintenance ended on 2026-12-01T15:00Z; the catalogue already treats it as in service.
        Assert.True(DateTimeOffset.UtcNow > new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        using var admin = await SignedInAsync(DemoAccounts.ParkJihoon.Uid);

        // Act
        var (_, page) = await admin.GetDocumentAsync("/admin/applications?q=hr-health");

        // Assert: the administrator sees what staff see, not the stored word.
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("hr-health", StringComparison.Ordinal));
        Assert.NotNull(row.QuerySelector(".badge.status-active"));
        Assert.Null(row.QuerySelector(".badge.status-maintenance"));
    }
}
