using System.Net;
using System.Text.RegularExpressions;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Boards.BoardHttp;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Observability;

/// <summary>/metrics names the service and node and counts sessions, queries, notices and API refusals; /health's details stay inside.</summary>
public sealed class OperatorEndpointTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    [Fact]
    public async Task Metrics_FromLoopback_NameTheServiceAndNodeAndCountSessionsQueriesNoticesAndApiRefusals()
    {
        // Arrange: a running session, a notice posted and read, a counters request without a token.
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var id = await CreateAsync(park, "all", "지표 확인용 공지");
        var read = await kim.GetAsync($"/notices/all/{id}");
        using var refused = await kim.Http.PostAsync("/api/v1/counters", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var scraper = portal.CreatePortalClient("127.0.0.1");

        // Act: the session count is refreshed in the background (every 0.2 s here).
        var text = await Eventually.UntilAsync(
            async () => await (await scraper.GetAsync("/metrics")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            body => Regex.IsMatch(body, "gatewayportal_sessions_active(\\{[^}]*\\})? [1-9]"),
            TimeSpan.FromSeconds(30),
            "the active sessions gauge to count the sign-ins");

        // Assert
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Matches("target_info\\{[^}]*service_name=\"gatewayportal\"", text);
        Assert.Matches($"target_info\\{{[^}}]*service_instance_id=\"{ObservedPortal.NodeName}\"", text);
        Assert.DoesNotContain("unknown_service", text, StringComparison.Ordinal);
        Assert.Matches("gatewayportal_db_query_duration_seconds_count\\{[^}]*outcome=\"ok\"[^}]*\\} [1-9]", text);
        Assert.Matches("gatewayportal_notices_posted_total(\\{[^}]*\\})? [1-9]", text);
        Assert.Matches("gatewayportal_notices_read_total(\\{[^}]*\\})? [1-9]", text);
        Assert.Matches("gatewayportal_api_refusals_total\\{[^}]*api=\"counters\"[^}]*reason=\"missing_token\"[^}]*\\} [1-9]", text);
    }

    [Fact]
    public async Task Health_FromOutsideTheAllowedNetworks_AnswersOnlyTheStatusWordWithTheSameStatus()
    {
        // Arrange
        using var outsider = portal.CreatePortalClient("198.51.100.7");
        using var operatorClient = portal.CreatePortalClient("127.0.0.1");

        // Act
        var outside = await outsider.GetAsync("/health");
        var outsideBody = await outside.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var inside = await operatorClient.GetAsync("/health");
        var insideBody = await inside.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(inside.StatusCode, outside.StatusCode);
        Assert.Contains(outsideBody, new[] { "Healthy", "Degraded", "Unhealthy" });
        Assert.DoesNotContain("ldap", outsideBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"directory\":{\"status\":", insideBody, StringComparison.Ordinal);
        Assert.Contains("ldap://", insideBody, StringComparison.Ordinal);
    }
}
