using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Admin;

/// <summary>The sign-in audit log: written for every attempt, shown only to administrators, filterable.</summary>
public sealed class AuditLogTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task AuditLog_Administrator_SeesEveryAttemptWithIpUserAgentAndReason()
    {
        // Arrange: a failed and a successful attempt from a distinctive address.
        using var user = portal.CreatePortalClient("198.51.100.7");
        user.Http.DefaultRequestHeaders.UserAgent.ParseAdd("AuditProbe/1.0");
        await user.SignInAsync("han.seojun", "wrong-password");
        await user.SignInAsync("han.seojun", DemoAccounts.Password);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);

        // Act: the writer batches in the background, so wait for both rows.
        var rows = await admin.WaitForTableRowsAsync("/admin/audit?user=han.seojun&ip=198.51.100.7", 2);

        // Assert
        Assert.Contains(rows, r => r.Contains("성공", StringComparison.Ordinal) && r.Contains("AuditProbe/1.0", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("실패", StringComparison.Ordinal) && r.Contains("InvalidPassword", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain("wrong-password", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditLog_FilterByOutcome_ShowsOnlyThatOutcome()
    {
        // Arrange
        using var user = portal.CreatePortalClient("198.51.100.8");
        await user.SignInAsync("kim.minsu", "wrong-password");
        await user.SignInAsync("kim.minsu", DemoAccounts.Password);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);
        await admin.WaitForTableRowsAsync("/admin/audit?ip=198.51.100.8", 2);

        // Act
        var (_, page) = await admin.GetDocumentAsync("/admin/audit?ip=198.51.100.8&outcome=Failed");

        // Assert
        var outcomes = page.QuerySelectorAll("tbody tr td:nth-child(4)").Select(td => td.TextContent).ToList();
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.Equal("실패", o));
    }

    [Theory]
    [InlineData("/admin/audit?from=2026-13-45", "날짜는 2026-11-23 형식으로 입력하세요.")]
    [InlineData("/admin/audit?outcome=Hacked", "알 수 없는 결과 값입니다.")]
    [InlineData("/admin/audit?ip=not-an-ip", "IP 주소 형식이 올바르지 않습니다.")]
    public async Task AuditLog_BadFilter_ShowsLocalizedErrorWith400(string url, string message)
    {
        // Arrange
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);

        // Act
        var (response, page) = await admin.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_StaffWithoutAdminGroup_IsDenied()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("kim.minsu", DemoAccounts.Password);

        // Act
        var response = await client.GetAsync("/admin/audit");

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/account/access-denied"), response.StatusCode.ToString());
    }

    [Fact]
    public async Task AuditLog_Anonymous_IsSentToLogin()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var response = await client.GetAsync("/admin/audit");

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/account/login?returnUrl="));
    }
}
