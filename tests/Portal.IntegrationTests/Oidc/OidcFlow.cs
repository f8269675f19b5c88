using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace GatewayPortal.Portal.IntegrationTests.Oidc;

/// <summary>Drives the authorization code flow with PKCE over HTTP, as a relying party would.</summary>
public sealed class OidcFlow(PortalClient browser)
{
    /// <summary>The sample application's registration (from the seed file).</summary>
    public const string ClientId = "sample-lob";
    public const string ClientSecret = "SampleLob!2026";
    public const string RedirectUri = "http://127.0.0.1:5002/signin-oidc";
    public const string Scopes = "openid profile email employee groups offline_access";

    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    /// <summary>The authorization request URL.</summary>
    public string AuthorizeUrl(string? redirectUri = null, bool withPkce = true, string clientId = ClientId) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri ?? RedirectUri,
            ["scope"] = Scopes,
            ["state"] = "state-123",
            ["nonce"] = "nonce-456",
            ["code_challenge"] = withPkce ? Challenge : null,
            ["code_challenge_method"] = withPkce ? "S256" : null,
        }.Where(p => p.Value is not null));

    /// <summary>Asks for a code with the browser's session; returns the redirect response.</summary>
    public Task<HttpResponseMessage> AuthorizeAsync(string? redirectUri = null, bool withPkce = true) => browser.GetAsync(AuthorizeUrl(redirectUri, withPkce));

    /// <summary>Gets a code (asserting the redirect back to the application).</summary>
    public async Task<string> GetCodeAsync()
    {
        var response = await AuthorizeAsync();
        var location = response.Headers.Location ?? throw new InvalidOperationException($"no redirect: {response.StatusCode}");
        Assert.StartsWith(RedirectUri, location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("state-123", query["state"].ToString());
        return query["code"].ToString();
    }

    /// <summary>Redeems a code at the token endpoint.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(string code, string? verifier = null) =>
        TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier ?? Verifier,
        });

    /// <summary>Uses a refresh token.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    /// <summary>Posts to the token endpoint as the sample application.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form, string clientId = ClientId, string clientSecret = ClientSecret) =>
        PostAsync("/connect/token", form, clientId, clientSecret);

    /// <summary>Posts a form with client credentials in the body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, Dictionary<string, string> form, string clientId = ClientId, string clientSecret = ClientSecret)
    {
        var fields = new Dictionary<string, string>(form) { ["client_id"] = clientId, ["client_secret"] = clientSecret };
        using var response = await browser.Http.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(string.IsNullOrEmpty(text) ? "{}" : text).RootElement.Clone());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
