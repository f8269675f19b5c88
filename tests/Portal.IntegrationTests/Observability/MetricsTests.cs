using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Observability;

/// <summary>Prometheus metrics at /metrics: the portal's own instruments, served only to allowed networks.</summary>
public sealed class MetricsTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task Metrics_FromLoopback_CountSignInsTokenResponsesAndLdapLatency()
    {
        // Arrange: a sign-in, a refused one, and a refused token request.
        using var person = portal.CreatePortalClient();
        await person.SignInAsync("kim.minsu", DemoAccounts.Password);
        await person.SignInAsync("kim.minsu", "wrong-password");
        await new OidcFlow(person).TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "forged" });
        using var scraper = portal.CreatePortalClient("127.0.0.1");

        // Act
        var response = await scraper.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("gatewayportal_signin_events_total\\{[^}]*outcome=\"Succeeded\"[^}]*\\} [1-9]", text);
        Assert.Matches("gatewayportal_signin_events_total\\{[^}]*outcome=\"Failed\"[^}]*\\} [1-9]", text);
        Assert.Matches("gatewayportal_oidc_token_responses_total\\{[^}]*grant_type=\"refresh_token\"[^}]*result=\"invalid_grant\"[^}]*\\} [1-9]", text);
        Assert.Matches("gatewayportal_ldap_operation_duration_seconds_count\\{[^}]*pool=\"bind\"[^}]*\\} [1-9]", text);
        Assert.DoesNotContain("wrong-password", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_FromOutsideTheAllowedNetworks_AreNotFound()
    {
        // Arrange
        using var outsider = portal.CreatePortalClient("198.51.100.90");

        // Act
        var response = await outsider.GetAsync("/metrics");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
