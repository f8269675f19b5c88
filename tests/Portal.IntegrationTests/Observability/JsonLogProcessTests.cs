using System.Net;
using System.Text.Json;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Observability;

/// <summary>The real process with <c>Logging:Format=json</c> on PostgreSQL: its stdout is JSON lines, and /metrics shows the node and Npgsql's pool.</summary>
public sealed class JsonLogProcessTests(SlapdFixture directory, PostgresFixture postgres)
{
    [Fact]
    public async Task Node_WithJsonLogs_WritesJsonLinesNamingTheNodeAndShowsItsServiceAndPoolInMetrics()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        const string password = "Wrong-Process-Pw-9!";
        using var scratch = new ScratchDirectory();
        var settings = PortalProcess.DefaultSettings(directory);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = postgres.ConnectionStringFor("jsonlogs");
        settings["Search:IndexPath"] = scratch.File("index");
        settings["Logging:Format"] = "json";
        settings["Cluster:NodeName"] = "json-node";
        await using var node = await PortalProcess.StartAsync("json", settings, cancellationToken);
        using var person = node.CreatePortalClient("192.0.2.91");
        using var scraper = node.CreatePortalClient("127.0.0.1");

        // Act
        await person.SignInAsync(DemoAccounts.KimMinsu.Uid, password);
        await Eventually.UntilAsync(() => node.Output.Contains("\"SignInFailed\"", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the failed sign-in's security event on stdout");
        var scrape = await scraper.GetAsync("/metrics");
        var metrics = await scrape.Content.ReadAsStringAsync(cancellationToken);

        // Assert: every line is one JSON object with a timestamp and the node; the security event has its fields.
        // (PortalProcess marks each start with a "--- start" line of its own.)
        var lines = node.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("--- start ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(entries, e =>
        {
            Assert.EndsWith("Z", e.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
            Assert.Equal("json-node", e.GetProperty("node").GetString());
        });
        var failed = Assert.Single(entries, e => e.TryGetProperty("eventName", out var name) && name.GetString() == "SignInFailed");
        Assert.Equal("GatewayPortal.Security", failed.GetProperty("category").GetString());
        Assert.Equal("192.0.2.91", failed.GetProperty("fields").GetProperty("remoteIp").GetString());
        Assert.DoesNotContain(password, node.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Matches("target_info\\{[^}]*service_name=\"gatewayportal\"", metrics);
        Assert.Matches("target_info\\{[^}]*service_instance_id=\"json-node\"", metrics);
        Assert.Contains("db_client_connection", metrics, StringComparison.Ordinal);
    }
}
