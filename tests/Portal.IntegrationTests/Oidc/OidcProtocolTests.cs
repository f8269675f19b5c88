using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GatewayPortal.Identity.Oidc.Keys;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GatewayPortal.Portal.IntegrationTests.Oidc;

/// <summary>The OpenID Connect provider over HTTP: the protocol rules that keep 160 systems safe.</summary>
public sealed class OidcProtocolTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private async Task<(PortalClient Browser, OidcFlow Flow)> SignedInAsync(string login = "kim.minsu")
    {
        var browser = portal.CreatePortalClient();
        await browser.SignInAsync(login, DemoAccounts.Password);
        return (browser, new OidcFlow(browser));
    }

    [Fact]
    public async Task Discovery_Document_AdvertisesEndpointsS256AndPar()
    {
        // Arrange
        using var browser = portal.CreatePortalClient();

        // Act
        var response = await browser.GetAsync("/.well-known/openid-configuration");
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/connect/authorize", doc.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/par", doc.GetProperty("pushed_authorization_request_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/endsession", doc.GetProperty("end_session_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Equal(["S256"], doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task CodeFlow_SignedInStaff_GetsTokensWithClaimsReleasedByScope()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;

        // Act
        var code = await flow.GetCodeAsync();
        var (status, tokens) = await flow.RedeemAsync(code);
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        using var userInfoRequest = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfoRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        using var userInfo = await browser.Http.SendAsync(userInfoRequest, TestContext.Current.CancellationToken);
        var info = JsonDocument.Parse(await userInfo.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        Assert.Equal("kim.minsu", idToken.Claims.Single(c => c.Type == "preferred_username").Value);
        Assert.Equal("nonce-456", idToken.Claims.Single(c => c.Type == "nonce").Value);
        Assert.Contains(idToken.Claims, c => c.Type == "sid");
        Assert.Equal("김민수", info.GetProperty("name").GetString());
        Assert.Contains("staff-hq", info.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("20100001", info.GetProperty("employee_number").GetString());
    }

    [Fact]
    public async Task PushedAuthorization_RequestUri_YieldsACodeThatRedeemsAndIsSingleUse()
    {
        // Arrange: the application pushes its parameters (RFC 9126) and sends only request_uri through the browser.
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var parameters = QueryHelpers.ParseQuery(new Uri("http://portal" + flow.AuthorizeUrl()).Query)
            .Where(p => p.Key != "client_id")
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        var (pushStatus, pushed) = await flow.PostAsync("/connect/par", parameters);
        var requestUri = pushed.GetProperty("request_uri").GetString()!;
        var authorizeUrl = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = OidcFlow.ClientId,
            ["request_uri"] = requestUri,
        });

        // Act
        var authorize = await browser.GetAsync(authorizeUrl);
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location?.Query)["code"].ToString();
        var (tokenStatus, tokens) = await flow.RedeemAsync(code);
        var replay = await browser.GetAsync(authorizeUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Created, pushStatus);
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", requestUri, StringComparison.Ordinal);
        Assert.True(pushed.GetProperty("expires_in").GetInt32() > 0);
        Assert.StartsWith(OidcFlow.RedirectUri, authorize.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, tokenStatus);
        Assert.True(tokens.TryGetProperty("id_token", out _));
        Assert.False(replay.Headers.Location?.Query.Contains("code=", StringComparison.Ordinal) == true, "a pushed request is single use");
    }

    [Fact]
    public async Task ClientCredentials_WrongSecretAfterARightOne_IsRefused()
    {
        // Arrange: a verified secret is remembered; a different one must still be checked and refused.
        using var browser = portal.CreatePortalClient();
        var client = new OidcFlow(browser);
        var request = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" };
        var (rightStatus, _) = await client.TokenAsync(request, "batch-reporting", "BatchReporting!2026");

        // Act
        var (wrongStatus, wrong) = await client.TokenAsync(request, "batch-reporting", "BatchReporting!2027");
        var (againStatus, _) = await client.TokenAsync(request, "batch-reporting", "BatchReporting!2026");

        // Assert
        Assert.Equal(HttpStatusCode.OK, rightStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongStatus);
        Assert.Equal("invalid_client", wrong.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, againStatus);
    }

    [Fact]
    public async Task Authorize_WithoutPkce_IsRefused()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;

        // Act
        var response = await flow.AuthorizeAsync(withPkce: false);

        // Assert: refused outright (no redirect, so no code), on the portal's own error page.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("요청을 처리할 수 없습니다", (await PortalClient.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5002/signin-oidc/../evil")]
    [InlineData("http://127.0.0.1:5002/SIGNIN-OIDC")]
    [InlineData("https://evil.example/signin-oidc")]
    public async Task Authorize_RedirectUriNotExactlyRegistered_IsRefusedWithoutRedirect(string redirectUri)
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;

        // Act
        var response = await flow.AuthorizeAsync(redirectUri);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorize_UserOutsideAllowedGroups_SeesDeniedPageAndGetsNoCode()
    {
        // Arrange: han.seojun works in 종로구, the sample app is for headquarters staff.
        var (browser, flow) = await SignedInAsync("han.seojun");
        using var disposeBrowser = browser;

        // Act
        var response = await flow.AuthorizeAsync();

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/apps/sample-lob/denied"), response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Token_CodeRedeemedTwice_FailsAndRevokesWhatTheFirstRedemptionIssued()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var code = await flow.GetCodeAsync();
        var (_, first) = await flow.RedeemAsync(code);

        // Act
        var (replayStatus, replay) = await flow.RedeemAsync(code);
        var (refreshStatus, _) = await flow.RefreshAsync(first.GetProperty("refresh_token").GetString()!);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Equal("invalid_grant", replay.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
    }

    [Fact]
    public async Task Token_WrongCodeVerifier_IsRefused()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var code = await flow.GetCodeAsync();

        // Act
        var (status, body) = await flow.RedeemAsync(code, verifier: new OidcFlow(browser).Verifier);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Refresh_RotatesAndReuseOfTheOldTokenRevokesTheNewOne()
    {
        // Arrange: the test host allows no reuse leeway.
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var first = tokens.GetProperty("refresh_token").GetString()!;

        // Act
        var (rotatedStatus, rotated) = await flow.RefreshAsync(first);
        var second = rotated.GetProperty("refresh_token").GetString()!;
        var (reuseStatus, _) = await flow.RefreshAsync(first);
        var (afterReuseStatus, _) = await flow.RefreshAsync(second);

        // Assert
        Assert.Equal(HttpStatusCode.OK, rotatedStatus);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.BadRequest, reuseStatus);
        Assert.Equal(HttpStatusCode.BadRequest, afterReuseStatus);
    }

    [Fact]
    public async Task Revocation_PersonsAccessToken_EndsTheGrantItCameFrom()
    {
        // Arrange: a person's access token has no row of its own; it carries its authorization.
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var (_, before) = await flow.PostAsync("/connect/introspect", new() { ["token"] = accessToken });

        // Act
        var (revokeStatus, _) = await flow.PostAsync("/connect/revoke", new() { ["token"] = accessToken });
        var (_, after) = await flow.PostAsync("/connect/introspect", new() { ["token"] = accessToken });
        var (refreshStatus, refresh) = await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);

        // Assert: the access token is dead wherever the portal is asked, and so is the refresh token of its grant.
        Assert.True(before.GetProperty("active").GetBoolean(), before.ToString());
        Assert.Equal(HttpStatusCode.OK, revokeStatus);
        Assert.False(after.GetProperty("active").GetBoolean(), after.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
        Assert.Equal("invalid_grant", refresh.GetProperty("error").GetString());
    }

    [Fact]
    public async Task CodeFlow_KeepsRowsOnlyForTheTokensThePortalReadsBack()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var (_, rotated) = await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        var authorization = new JsonWebToken(rotated.GetProperty("access_token").GetString()!).GetClaim("oi_au_id").Value;

        // Act
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayPortal.Data.PortalDbContext>();
        var types = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Authorization!.Id == authorization)
            .Select(t => t.Type!)
            .ToListAsync(TestContext.Current.CancellationToken);

        // Assert: the code and both refresh tokens; no identity or access token rows.
        Assert.Equal(1, types.Count(t => t == OpenIddict.Abstractions.OpenIddictConstants.TokenTypeIdentifiers.Private.AuthorizationCode));
        Assert.Equal(2, types.Count(t => t == OpenIddict.Abstractions.OpenIddictConstants.TokenTypeIdentifiers.RefreshToken));
        Assert.Equal(3, types.Count);
    }

    [Fact]
    public async Task ClientCredentials_IntrospectionAndRevocation_WorkForABatchClient()
    {
        // Arrange
        using var browser = portal.CreatePortalClient();
        var flow = new OidcFlow(browser);

        // Act
        var (status, token) = await flow.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "api" }, "batch-reporting", "BatchReporting!2026");
        var accessToken = token.GetProperty("access_token").GetString()!;
        var (_, before) = await flow.PostAsync("/connect/introspect", new() { ["token"] = accessToken }, "batch-reporting", "BatchReporting!2026");
        var (revokeStatus, _) = await flow.PostAsync("/connect/revoke", new() { ["token"] = accessToken }, "batch-reporting", "BatchReporting!2026");
        var (_, after) = await flow.PostAsync("/connect/introspect", new() { ["token"] = accessToken }, "batch-reporting", "BatchReporting!2026");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(before.GetProperty("active").GetBoolean());
        Assert.Equal("batch-reporting", before.GetProperty("sub").GetString());
        Assert.Equal(HttpStatusCode.OK, revokeStatus);
        Assert.False(after.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Introspection_AnotherClientsAccessToken_IsInactive()
    {
        // Arrange: the sample application's access token, introspected by the batch client and by the application itself.
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var accessToken = tokens.GetProperty("access_token").GetString()!;

        // Act
        var (otherStatus, other) = await flow.PostAsync("/connect/introspect", new() { ["token"] = accessToken }, "batch-reporting", "BatchReporting!2026");
        var (_, own) = await flow.PostAsync("/connect/introspect", new() { ["token"] = accessToken });

        // Assert
        Assert.Equal(HttpStatusCode.OK, otherStatus);
        Assert.False(other.GetProperty("active").GetBoolean(), other.ToString());
        Assert.False(other.TryGetProperty("sub", out _));
        Assert.True(own.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Revocation_AnotherClientsAccessToken_RevokesNothing()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var accessToken = tokens.GetProperty("access_token").GetString()!;

        // Act: the batch client tries to revoke the sample application's token.
        await flow.PostAsync("/connect/revoke", new() { ["token"] = accessToken }, "batch-reporting", "BatchReporting!2026");
        var (_, own) = await flow.PostAsync("/connect/introspect", new() { ["token"] = accessToken });

        // Assert
        Assert.True(own.GetProperty("active").GetBoolean(), own.ToString());
    }

    [Fact]
    public async Task Introspection_Response_IsNeverStored()
    {
        // Arrange: introspection answers carry the person's subject and the token's scopes.
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var form = new Dictionary<string, string>
        {
            ["token"] = tokens.GetProperty("access_token").GetString()!,
            ["client_id"] = OidcFlow.ClientId,
            ["client_secret"] = OidcFlow.ClientSecret,
        };

        // Act
        using var response = await browser.Http.PostAsync("/connect/introspect", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
        Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
    }

    [Fact]
    public async Task UserInfo_Response_IsNeverStored()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());

        // Act
        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
        Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
    }

    [Fact]
    public async Task KeyRollover_TokenSignedByPreviousKey_StillValidatesAndJwksCarriesBoth()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, before) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var oldToken = before.GetProperty("access_token").GetString()!;
        var oldKid = new JsonWebToken(oldToken).Kid;

        // Act
        await portal.Services.GetRequiredService<OidcKeyRing>().RotateNowAsync(TestContext.Current.CancellationToken);
        var renewed = new OidcFlow(browser);
        var (_, after) = await renewed.RedeemAsync(await renewed.GetCodeAsync());
        var newKid = new JsonWebToken(after.GetProperty("access_token").GetString()).Kid;
        var jwks = JsonDocument.Parse(await (await browser.GetAsync("/.well-known/jwks")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var kids = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        using var userInfoRequest = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfoRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", oldToken);
        using var userInfo = await browser.Http.SendAsync(userInfoRequest, TestContext.Current.CancellationToken);
        using var newUserInfoRequest = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        newUserInfoRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", after.GetProperty("access_token").GetString());
        using var newUserInfo = await browser.Http.SendAsync(newUserInfoRequest, TestContext.Current.CancellationToken);

        // Assert
        Assert.NotEqual(oldKid, newKid);
        Assert.True(newUserInfo.StatusCode == HttpStatusCode.OK, $"{newUserInfo.StatusCode} {newUserInfo.Headers.WwwAuthenticate}");
        Assert.Contains(oldKid, kids);
        Assert.Contains(newKid, kids);
        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
    }
}
