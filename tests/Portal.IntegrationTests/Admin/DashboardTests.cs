using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Admin;

/// <summary>The operators' dashboard: sign-ins per hour as a chart, refusal reasons, most opened systems, health.</summary>
public sealed class DashboardTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task Dashboard_AfterSignInsAndAFailure_ChartsHoursAndListsTheReason()
    {
        // Arrange
        using var person = portal.CreatePortalClient("198.51.100.81");
        await person.SignInAsync("han.seojun", "wrong-password");
        await person.SignInAsync("han.seojun", DemoAccounts.Password);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);

        // Act: the audit writer batches in the background, so wait for the reason to show.
        var day = await admin.GetDocumentUntilAsync("/admin/dashboard",
            p => p.QuerySelector("#reasons-title + table")?.TextContent.Contains("InvalidPassword", StringComparison.Ordinal) == true);
        var (weekResponse, week) = await admin.GetDocumentAsync("/admin/dashboard?range=7d");

        // Assert
        Assert.Contains("InvalidPassword", day.QuerySelector("#reasons-title + table")?.TextContent, StringComparison.Ordinal);
        var chart = day.QuerySelector("svg[role=img]");
        Assert.NotNull(chart);
        Assert.Equal(48, chart.QuerySelectorAll("rect").Length); // 24 hours, two stacked bars each
        Assert.Matches("로그인 성공 [1-9][0-9]*건", chart.QuerySelector("desc")?.TextContent ?? "");
        Assert.Equal(24, day.QuerySelectorAll("details tbody tr").Length);
        Assert.Equal(HttpStatusCode.OK, weekResponse.StatusCode);
        Assert.Equal(168, week.QuerySelectorAll("details tbody tr").Length);
        Assert.Contains("up", day.QuerySelector(".health li")?.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Health_ShowsDatabaseCheckedAndTheSearchIndexWithItsDocuments()
    {
        // Arrange
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);

        // Act: the index is built from the registry and the directory shortly after start.
        var page = await admin.GetDocumentUntilAsync("/admin/dashboard",
            p => p.QuerySelectorAll(".health li").Any(li => li.ClassName == "up" && li.TextContent.Contains("검색 색인", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15));
        var lines = page.QuerySelectorAll(".health li").ToList();

        // Assert: directory, database and index, each with its state.
        Assert.Equal(3, lines.Count);
        Assert.Equal("up", lines[1].ClassName);
        Assert.Contains("데이터베이스 정상 (Sqlite)", lines[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("up", lines[2].ClassName);
        Assert.Matches("검색 색인: 문서 [1-9][0-9,]*개", lines[2].TextContent);
    }

    [Fact]
    public async Task Dashboard_StaffWithoutAdminGroup_IsDenied()
    {
        using var person = portal.CreatePortalClient();
        await person.SignInAsync("kim.minsu", DemoAccounts.Password);

        var response = await person.GetAsync("/admin/dashboard");

        Assert.True(PortalClient.RedirectsTo(response, "/account/access-denied"), response.StatusCode.ToString());
    }
}
