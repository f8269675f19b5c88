using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.SignIn;

/// <summary>A portal whose only directory server does not answer (how fast it refuses: bench/DirectoryFailover).</summary>
public sealed class UnreachableDirectoryPortal(SlapdFixture directory) : PortalApplicationFactory(directory, new Dictionary<string, string?>
{
    // Nothing listens on port 9 of loopback: connections are refused at once.
    ["Directory:Servers:0"] = "ldap://127.0.0.1:9/",
    ["Directory:ConnectTimeout"] = "00:00:01",
    ["Directory:OperationTimeout"] = "00:00:01",
});

public sealed class DirectoryOutageTests(UnreachableDirectoryPortal portal) : IClassFixture<UnreachableDirectoryPortal>
{
    [Fact]
    public async Task SignIn_DirectoryUnreachable_Returns503WithLocalizedPage()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        await client.GetAsync("/account/login");

        // Act
        var response = await client.SignInAsync("kim.minsu", DemoAccounts.Password);
        var page = await PortalClient.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("디렉터리 서비스에 연결할 수 없습니다", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("잠시 후 다시 시도하세요", page.QuerySelector("#login-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_DirectoryUnreachable_ReportsUnhealthyWith503()
    {
        // Arrange: the checks' details answer only to the allowed networks (loopback by default).
        using var client = portal.CreatePortalClient("127.0.0.1");

        // Act
        var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"directory\":{\"status\":\"Unhealthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }
}
