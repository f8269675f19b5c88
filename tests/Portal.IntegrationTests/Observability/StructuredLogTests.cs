using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Observability;

/// <summary>JSON log lines: the error page's id is the failure's trace id, outages are logged once, security events carry their fields.</summary>
public sealed partial class StructuredLogTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    [Fact]
    public async Task ErrorPage_AfterADefect_ShowsTheTraceIdOfTheFailuresJsonLogLine()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var response = await client.GetAsync("/test/defect");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert: the page's id is a W3C trace id, and the failure's line carries it with every field.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var id = RequestId().Match(html).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{32}$", id);
        var failure = Assert.Single(portal.Logs.Entries, e =>
            Text(e, "traceId") == id && Text(e, "exception")?.Contains("A defect for the error page's trace id.", StringComparison.Ordinal) == true);
        Assert.Equal("Error", Text(failure, "level"));
        Assert.Equal(ObservedPortal.NodeName, Text(failure, "node"));
        Assert.Matches("^[0-9a-f]{16}$", Text(failure, "spanId"));
        Assert.Equal("System.InvalidOperationException", Text(failure, "exceptionType"));
        Assert.False(string.IsNullOrEmpty(Text(failure, "category")));
        Assert.True(failure.TryGetProperty("eventId", out _));
        Assert.True(DateTimeOffset.TryParseExact(Text(failure, "timestamp"), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        Assert.All(portal.Logs.Lines, line => Assert.DoesNotContain('\n', line));
    }

    [Fact]
    public async Task Outage_FailingEveryRequest_IsLoggedOnceNotOncePerRequest()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add((await client.GetAsync("/test/outage")).StatusCode);
        }

        // Assert: 25 answers of 503, one line with the stack trace.
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        var lines = portal.Logs.Entries.Where(e => Text(e, "exception")?.Contains("(test outage)", StringComparison.Ordinal) == true).ToList();
        var line = Assert.Single(lines);
        Assert.Contains(" at ", Text(line, "exception"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsASecurityEventWithItsFieldsAndWithoutThePassword()
    {
        // Arrange
        const string password = "Wrong-Secret-Pw-4711!";
        using var client = portal.CreatePortalClient("192.0.2.77");

        // Act
        await client.SignInAsync(DemoAccounts.KimMinsu.Uid, password);

        // Assert
        var entry = await SecurityEventAsync("SignInFailed", e => Field(e, "remoteIp") == "192.0.2.77");
        Assert.Equal(5002, entry.GetProperty("eventId").GetInt32());
        Assert.Equal("Warning", Text(entry, "level"));
        Assert.Equal("Failed", Field(entry, "outcome"));
        Assert.Equal(DemoAccounts.KimMinsu.Uid, Field(entry, "login"));
        Assert.False(string.IsNullOrEmpty(Field(entry, "reason")));
        Assert.Equal(ObservedPortal.NodeName, Text(entry, "node"));
        Assert.All(portal.Logs.Lines, line => Assert.DoesNotContain(password, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenGrant_Refused_IsASecurityEventWithoutTheTokenOrTheClientSecret()
    {
        // Arrange
        const string forged = "forged-refresh-token-4711";
        using var client = portal.CreatePortalClient("192.0.2.78");

        // Act
        var (status, _) = await new OidcFlow(client).RefreshAsync(forged);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var entry = await SecurityEventAsync("TokenGrantRefused", e => Field(e, "clientId") == OidcFlow.ClientId && Field(e, "grantType") == "refresh_token");
        Assert.Equal(5101, entry.GetProperty("eventId").GetInt32());
        Assert.Equal("invalid_grant", Field(entry, "reason"));
        Assert.Equal("Refused", Field(entry, "outcome"));
        Assert.All(portal.Logs.Lines, line =>
        {
            Assert.DoesNotContain(forged, line, StringComparison.Ordinal);
            Assert.DoesNotContain(OidcFlow.ClientSecret, line, StringComparison.Ordinal);
        });
    }

    private async Task<JsonElement> SecurityEventAsync(string name, Func<JsonElement, bool> matches) =>
        (await Eventually.UntilAsync(
            () => Task.FromResult(portal.Logs.Entries.Where(e => Text(e, "category") == "GatewayPortal.Security" && Text(e, "eventName") == name && matches(e)).ToList()),
            found => found.Count > 0,
            TimeSpan.FromSeconds(5),
            $"a {name} security event"))[0];

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Field(JsonElement entry, string name) =>
        entry.TryGetProperty("fields", out var fields) ? Text(fields, name) : null;

    [GeneratedRegex("<code id=\"request-id\"[^>]*>([^<]*)</code>")]
    private static partial Regex RequestId();
}
