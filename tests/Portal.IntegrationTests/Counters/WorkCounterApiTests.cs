using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Portal.IntegrationTests.Counters;

/// <summary>
/// The counters API through the real host, slapd and token endpoint: who may push (token, scope, registry status and
/// permission), which items are applied (people allowed to use the system, its own origin), bulk, zero, expiry, and
/// refusals of malformed and oversized bodies.
/// </summary>
public sealed class WorkCounterApiTests(CounterPortal portal) : IClassFixture<CounterPortal>
{
    private const string Api = "/api/v1/counters";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_NoToken_Is401ProblemWithBearerChallenge()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        using var response = await client.Http.PostAsync(Api, Json("""{"sub":"x","key":"k","label":"L","value":1}"""), Cancel);
        var problem = await ProblemAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("missing_token", problem.GetProperty("error").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Post_ForgedToken_Is401InvalidToken()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Api) { Content = Json("""{"sub":"x","key":"k","label":"L","value":1}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzYW1wbGUtbG9iIn0.");

        // Act
        using var response = await client.Http.SendAsync(request, Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_token", (await ProblemAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Post_TokenWithoutCountersScope_Is403InsufficientScope()
    {
        // Arrange: the batch collector has client credentials with the api scope only.
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client, "batch-reporting", "BatchReporting!2026", "api");

        // Act
        using var response = await SendAsync(client, token, HttpMethod.Post, Item(await SubjectAsync("kim.minsu")));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("insufficient_scope", (await ProblemAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task TokenEndpoint_ClientWithoutCountersPermission_RefusesScope()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var (status, body) = await new OidcFlow(client).TokenAsync(
            new() { ["grant_type"] = "client_credentials", ["scope"] = WorkCounterLimits.Scope }, "batch-reporting", "BatchReporting!2026");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.Contains("scope", body.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_RealClientCredentialsToken_CounterReadForPerson()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var kim = await SubjectAsync("kim.minsu");

        // Act
        using var response = await SendAsync(client, token, HttpMethod.Post,
            Item(kim, key: "protocol", value: 7, url: "http://127.0.0.1:5002/approvals?box=1"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var counters = await ReadAsync(kim);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("rejected").GetArrayLength());
        var counter = Assert.Single(counters, c => c.Key == "protocol");
        Assert.Equal(("sample-lob", 7L, "결재 대기", "Approvals waiting", "http://127.0.0.1:5002/approvals?box=1"),
            (counter.ClientId, counter.Value, counter.LabelKo, counter.LabelEn, counter.Url));
    }

    [Fact]
    public async Task Put_SubOutsideGroupsOrUnknown_RejectedPerItemOthersAccepted()
    {
        // Arrange: sample-lob is for staff-hq; han.seojun is district staff, jung.disabled is disabled.
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var kim = await SubjectAsync("kim.minsu");
        var han = await SubjectAsync("han.seojun");
        var body = $$"""{"items": [{{Item(kim, key: "groups")}}, {{Item(han, key: "groups")}}, {{Item("00000000-0000-0000-0000-000000000000", key: "groups")}}]}""";

        // Act
        using var response = await SendAsync(client, token, HttpMethod.Put, body);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, result.GetProperty("accepted").GetInt32());
        var rejected = result.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("error").GetString())).ToArray();
        Assert.Equal([(1, "sub_not_allowed"), (2, "sub_not_allowed")], rejected);
        Assert.DoesNotContain(await ReadAsync(han), c => c.Key == "groups");
    }

    [Fact]
    public async Task Post_UrlOnAnotherOrigin_RejectedAndNotStored()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var kim = await SubjectAsync("kim.minsu");

        // Act
        using var response = await SendAsync(client, token, HttpMethod.Post, Item(kim, key: "phishing", url: "https://evil.example.com/login"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, result.GetProperty("accepted").GetInt32());
        Assert.Equal("url_not_allowed", result.GetProperty("rejected")[0].GetProperty("error").GetString());
        Assert.DoesNotContain(await ReadAsync(kim), c => c.Key == "phishing");
    }

    [Fact]
    public async Task Post_BulkOfThousands_AcceptedForAllowedPeople()
    {
        // Arrange: every person in the directory, two counters each (4,000 items); only staff-hq may use the system.
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var people = await portal.Services.GetRequiredService<IDirectoryService>().ListPeopleAsync(Cancel);
        var items = people.SelectMany(p => new[] { Item(p.SubjectId, key: "bulk-a", value: 2), Item(p.SubjectId, key: "bulk-b", value: 3) });
        var body = "{\"ttl\": 3600, \"items\": [" + string.Join(",", items) + "]}";
        var kim = await SubjectAsync("kim.minsu");

        // Act
        using var response = await SendAsync(client, token, HttpMethod.Post, body);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accepted = result.GetProperty("accepted").GetInt32();
        var rejected = result.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(people.Count * 2, accepted + rejected.Count);
        Assert.True(accepted >= 1000, $"accepted {accepted}");
        Assert.All(rejected, r => Assert.Equal("sub_not_allowed", r.GetProperty("error").GetString()));
        var kimCounters = await ReadAsync(kim);
        Assert.Equal([2L, 3L], kimCounters.Where(c => c.Key.StartsWith("bulk-", StringComparison.Ordinal)).Select(c => c.Value).ToArray());
    }

    [Fact]
    public async Task Post_ValueZero_RemovesCounter()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var kim = await SubjectAsync("kim.minsu");
        (await SendAsync(client, token, HttpMethod.Post, Item(kim, key: "zero", value: 4))).Dispose();
        var before = await ReadAsync(kim);

        // Act
        using var response = await SendAsync(client, token, HttpMethod.Post, Item(kim, key: "zero", value: 0));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(before, c => c.Key == "zero");
        Assert.DoesNotContain(await ReadAsync(kim), c => c.Key == "zero");
    }

    [Fact]
    public async Task Delete_Key_ClearsItForEveryone()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var kim = await SubjectAsync("kim.minsu");
        var park = await SubjectAsync("park.jihoon");
        (await SendAsync(client, token, HttpMethod.Post, $"[{Item(kim, key: "clear-me")}, {Item(park, key: "clear-me")}, {Item(kim, key: "keep-me")}]")).Dispose();

        // Act
        using var response = await SendAsync(client, token, HttpMethod.Delete, null, Api + "/clear-me");
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, result.GetProperty("removed").GetInt32());
        Assert.DoesNotContain(await ReadAsync(kim), c => c.Key == "clear-me");
        Assert.Contains(await ReadAsync(kim), c => c.Key == "keep-me");
    }

    [Fact]
    public async Task Post_TtlPassed_CounterNotReturned()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var kim = await SubjectAsync("kim.minsu");
        (await SendAsync(client, token, HttpMethod.Post, Item(kim, key: "short", ttl: 60))).Dispose();
        var before = await ReadAsync(kim);

        // Act
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        var after = await ReadAsync(kim);

        // Assert
        Assert.Contains(before, c => c.Key == "short");
        Assert.DoesNotContain(after, c => c.Key == "short");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"items\": [")]
    [InlineData("{\"items\": []}")]
    [InlineData("{\"sub\": \"a\", \"key\": \"k\", \"label\": \"L\", \"value\": \"three\"}")]
    [InlineData("{\"sub\": \"a\", \"key\": \"k\", \"label\": \"L\", \"value\": 99999999999999999999999}")]
    [InlineData("{\"sub\": \"a\", \"key\": \"k\", \"lable\": \"typo\", \"value\": 1}")]
    [InlineData("{\"ttl\": 9999999, \"items\": [{\"sub\": \"a\", \"key\": \"k\", \"label\": \"L\", \"value\": 1}]}")]
    [InlineData("")]
    public async Task Post_MalformedBody_Is400ProblemWithMessage(string body)
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);

        // Act
        using var response = await SendAsync(client, token, HttpMethod.Post, body);
        var problem = await ProblemAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", problem.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Post_NotJsonContentType_Is415()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, Api) { Content = new StringContent("sub=a", Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Act
        using var response = await client.Http.SendAsync(request, Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", (await ProblemAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Post_BodyOverLimit_Is413WithLimitInMessage()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var body = "[" + new string(' ', (int)WorkCounterLimits.MaxBodyBytes) + "]";

        // Act
        using var response = await SendAsync(client, token, HttpMethod.Post, body);
        var problem = await ProblemAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body_too_large", problem.GetProperty("error").GetString());
        Assert.Contains("8 MiB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ApplicationRetired_Is403AndWritesNothing()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var kim = await SubjectAsync("kim.minsu");
        await ChangeApplicationAsync(a => a.Status = ApplicationStatus.Retired);
        try
        {
            // Act
            using var response = await SendAsync(client, token, HttpMethod.Post, Item(kim, key: "retired"));

            // Assert
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application_retired", (await ProblemAsync(response)).GetProperty("error").GetString());
            Assert.DoesNotContain(await ReadAsync(kim), c => c.Key == "retired");
        }
        finally
        {
            await ChangeApplicationAsync(a => a.Status = ApplicationStatus.Active);
        }
    }

    [Fact]
    public async Task Post_PermissionRevokedAfterTokenIssued_Is403()
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        var token = await TokenAsync(client);
        var kim = await SubjectAsync("kim.minsu");
        await ChangePermissionAsync(grant: false);
        try
        {
            // Act
            using var response = await SendAsync(client, token, HttpMethod.Post, Item(kim, key: "revoked"));

            // Assert
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("permission_revoked", (await ProblemAsync(response)).GetProperty("error").GetString());
        }
        finally
        {
            await ChangePermissionAsync(grant: true);
        }
    }

    [Fact]
    public async Task Post_PersonsAccessToken_Is403()
    {
        // Arrange: a token issued to a person through the code flow is not the system's own.
        using var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        var flow = new OidcFlow(browser);
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());

        // Act
        using var response = await SendAsync(browser, tokens.GetProperty("access_token").GetString()!, HttpMethod.Post, Item(await SubjectAsync("kim.minsu")));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    internal static string Item(string sub, string key = "approvals", long value = 3, string? url = null, int? ttl = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["sub"] = sub,
            ["key"] = key,
            ["label"] = "결재 대기",
            ["labelEn"] = "Approvals waiting",
            ["value"] = value,
            ["url"] = url,
            ["ttl"] = ttl,
        }.Where(p => p.Value is not null).ToDictionary());

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> TokenAsync(PortalClient client, string clientId = "sample-lob", string secret = "SampleLob!2026", string scope = WorkCounterLimits.Scope)
    {
        var (status, body) = await new OidcFlow(client).TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = scope }, clientId, secret);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(PortalClient client, string token, HttpMethod method, string? body, string path = Api)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = Json(body);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.Http.SendAsync(request, Cancel);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    private async Task<string> SubjectAsync(string login) =>
        (await portal.Services.GetRequiredService<IDirectoryService>().FindUserAsync(login, Cancel))!.SubjectId;

    private Task<IReadOnlyList<WorkCounter>> ReadAsync(string subject) =>
        portal.Services.GetRequiredService<IWorkCounterReader>().GetForSubjectAsync(subject, Cancel);

    private async Task ChangeApplicationAsync(Action<PortalApplication> change)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationsDbContext>();
        change(await db.Applications.SingleAsync(a => a.ClientId == OidcFlow.ClientId, Cancel));
        await db.SaveChangesAsync(Cancel);
    }

    private async Task ChangePermissionAsync(bool grant)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await manager.FindByClientIdAsync(OidcFlow.ClientId, Cancel);
        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, client!, Cancel);
        var permission = Permissions.Prefixes.Scope + WorkCounterLimits.Scope;
        if (grant)
        {
            descriptor.Permissions.Add(permission);
        }
        else
        {
            descriptor.Permissions.Remove(permission);
        }

        await manager.UpdateAsync(client!, descriptor, Cancel);
    }
}
