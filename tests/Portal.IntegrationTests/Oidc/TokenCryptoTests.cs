using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GatewayPortal.Data;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Oidc.Keys;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.EntityFrameworkCore.Models;

namespace GatewayPortal.Portal.IntegrationTests.Oidc;

/// <summary>
/// The token design's crypto (issue #18): ES256 by default, RS256 for a client that asks for it, and the tokens only the
/// portal reads encrypted with its AES key rather than RSA-OAEP.
/// </summary>
public sealed class TokenCryptoTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CodeFlow_DefaultClient_SignsIdAndAccessTokensWithEs256KeyFromJwks()
    {
        // Arrange
        await SetClientOptionsAsync(ApplicationTokenOptions.DefaultSigningAlgorithm, encryptAccessTokens: false);
        using var browser = await SignedInAsync();
        var flow = new OidcFlow(browser);

        // Act
        var (status, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        var accessToken = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        var jwk = await JwkAsync(browser, idToken.Kid);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ES256", idToken.Alg);
        Assert.Equal("ES256", accessToken.Alg);
        Assert.False(accessToken.IsEncrypted);
        Assert.Equal(("EC", "P-256"), (jwk.GetProperty("kty").GetString(), jwk.GetProperty("crv").GetString()));
    }

    [Fact]
    public async Task CodeFlow_ClientAskingForRs256_SignsIdAndAccessTokensWithRs256AndUserInfoAcceptsThem()
    {
        // Arrange
        await SetClientOptionsAsync("RS256", encryptAccessTokens: false);
        try
        {
            using var browser = await SignedInAsync();
            var flow = new OidcFlow(browser);

            // Act
            var (status, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
            var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
            var accessToken = tokens.GetProperty("access_token").GetString()!;
            var jwk = await JwkAsync(browser, idToken.Kid);
            using var userInfo = await UserInfoAsync(browser, accessToken);

            // Assert
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("RS256", idToken.Alg);
            Assert.Equal("RS256", new JsonWebToken(accessToken).Alg);
            Assert.Equal("RSA", jwk.GetProperty("kty").GetString());
            Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        }
        finally
        {
            await SetClientOptionsAsync(ApplicationTokenOptions.DefaultSigningAlgorithm, encryptAccessTokens: false);
        }
    }

    [Fact]
    public async Task CodeAndRefreshToken_AreEncryptedWithTheAesKeyNotRsaOaep_AndStillRedeem()
    {
        // Arrange
        await SetClientOptionsAsync(ApplicationTokenOptions.DefaultSigningAlgorithm, encryptAccessTokens: false);
        using var browser = await SignedInAsync();
        var flow = new OidcFlow(browser);
        var aesKid = portal.Services.GetRequiredService<OidcKeyRing>().Current.Encrypting!.Key.KeyId;

        // Act: a code is a reference handed to the application; its protected payload is the token row's.
        var code = await flow.GetCodeAsync();
        var codePayload = await NewestPayloadAsync("urn:openiddict:params:oauth:token-type:authorization_code");
        var (_, tokens) = await flow.RedeemAsync(code);
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        var (refreshed, _) = await flow.RefreshAsync(refreshToken);

        // Assert
        foreach (var token in new[] { new JsonWebToken(codePayload), new JsonWebToken(refreshToken) })
        {
            Assert.True(token.IsEncrypted);
            Assert.Equal(("A256KW", "A256CBC-HS512", aesKid), (token.Alg, token.Enc, token.Kid));
        }

        Assert.Equal(HttpStatusCode.OK, refreshed);
    }

    [Fact]
    public async Task AccessToken_ClientAskingForEncryption_IsOpaqueToOthersAndUserInfoAndIntrospectionReadIt()
    {
        // Arrange
        await SetClientOptionsAsync(ApplicationTokenOptions.DefaultSigningAlgorithm, encryptAccessTokens: true);
        try
        {
            using var browser = await SignedInAsync();
            var flow = new OidcFlow(browser);

            // Act
            var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
            var accessToken = tokens.GetProperty("access_token").GetString()!;
            using var userInfo = await UserInfoAsync(browser, accessToken);
            var (introspected, introspection) = await flow.PostAsync("/connect/introspect", new() { ["token"] = accessToken });

            // Assert
            var header = new JsonWebToken(accessToken);
            Assert.True(header.IsEncrypted);
            Assert.Equal("A256KW", header.Alg);
            Assert.Equal("ES256", new JsonWebToken(tokens.GetProperty("id_token").GetString()).Alg); // id tokens are never encrypted.
            Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
            Assert.Equal(HttpStatusCode.OK, introspected);
            Assert.True(introspection.GetProperty("active").GetBoolean(), introspection.ToString());
        }
        finally
        {
            await SetClientOptionsAsync(ApplicationTokenOptions.DefaultSigningAlgorithm, encryptAccessTokens: false);
        }
    }

    [Fact]
    public async Task Jwks_PublishesEcAndRsaSigningKeysAndNeverTheAesKey()
    {
        // Arrange
        using var browser = portal.CreatePortalClient();
        var ring = portal.Services.GetRequiredService<OidcKeyRing>().Current;

        // Act
        var keys = (await JwksAsync(browser)).EnumerateArray().ToList();

        // Assert
        Assert.Contains(keys, k => k.GetProperty("kty").GetString() == "EC" && k.GetProperty("kid").GetString() == ring.SigningFor("ES256")!.Key.KeyId);
        Assert.Contains(keys, k => k.GetProperty("kty").GetString() == "RSA" && k.GetProperty("kid").GetString() == ring.SigningFor("RS256")!.Key.KeyId);
        Assert.DoesNotContain(keys, k => k.GetProperty("kty").GetString() == "oct" || k.GetProperty("kid").GetString() == ring.Encrypting!.Key.KeyId);
        Assert.All(keys, k => Assert.False(k.TryGetProperty("d", out _), "a private part is published"));
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        return browser;
    }

    private async Task SetClientOptionsAsync(string algorithm, bool encryptAccessTokens)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<IApplicationsDbContext>();
        var application = await registry.Applications.SingleAsync(a => a.ClientId == OidcFlow.ClientId, Cancel);
        application.IdTokenSignedResponseAlg = algorithm;
        application.EncryptAccessTokens = encryptAccessTokens;
        await registry.SaveChangesAsync(Cancel);
        portal.Services.GetRequiredService<ApplicationCatalogue>().Invalidate();
    }

    private async Task<string> NewestPayloadAsync(string type)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var payload = await db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking().Where(t => t.Type == type && t.Payload != null)
            .OrderByDescending(t => t.CreationDate).Select(t => t.Payload).FirstAsync(Cancel);
        return payload ?? throw new InvalidOperationException($"The newest {type} has no payload.");
    }

    private static async Task<HttpResponseMessage> UserInfoAsync(PortalClient browser, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await browser.Http.SendAsync(request, Cancel);
    }

    private static async Task<JsonElement> JwksAsync(PortalClient browser)
    {
        using var response = await browser.GetAsync("/.well-known/jwks");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("keys").Clone();
    }

    private static async Task<JsonElement> JwkAsync(PortalClient browser, string kid) =>
        (await JwksAsync(browser)).EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
}
