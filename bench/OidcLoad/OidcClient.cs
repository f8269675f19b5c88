using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;

namespace GatewayPortal.Bench.OidcLoad;

/// <summary>The seeded confidential client the benchmark plays (samples/LineOfBusiness registers the same one).</summary>
internal static class OidcClient
{
    public const string ClientId = "sample-lob";
    /// <summary>The demo secret (Development); a bench against a Production node sets the one it was issued.</summary>
    public static string ClientSecret { get; set; } = "SampleLob!2026";
    public const string RedirectUri = "http://127.0.0.1:5002/signin-oidc";
    public const string Scope = "openid profile email employee groups offline_access";

    /// <summary>Only headquarters staff may use the client.</summary>
    public const string AllowedGroup = "staff-hq";

    public static string RandomToken(int bytes = 32) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>The authorization request to <paramref name="endpoint"/> (the portal's /connect/authorize, the peer's /auth).</summary>
    public static Uri AuthorizeUrl(Uri endpoint, string state, string nonce, string challenge) => new(endpoint,
        endpoint.AbsolutePath + "?client_id=" + ClientId
        + "&response_type=code"
        + "&redirect_uri=" + Uri.EscapeDataString(RedirectUri)
        + "&scope=" + Uri.EscapeDataString(Scope)
        + "&state=" + state
        + "&nonce=" + nonce
        + "&code_challenge=" + challenge
        + "&code_challenge_method=S256");

    public static HttpRequestMessage CodeGrant(Uri tokenUrl, string code, string verifier) => TokenRequest(tokenUrl,
    [
        new("grant_type", "authorization_code"),
        new("code", code),
        new("redirect_uri", RedirectUri),
        new("code_verifier", verifier),
    ]);

    /// <summary>The same redemption without the PKCE verifier (a provider that enforces PKCE refuses it).</summary>
    public static HttpRequestMessage CodeGrantWithoutVerifier(Uri tokenUrl, string code, string verifier) => TokenRequest(tokenUrl,
    [
        new("grant_type", "authorization_code"),
        new("code", code),
        new("redirect_uri", RedirectUri),
    ]);

    public static HttpRequestMessage RefreshGrant(Uri tokenUrl, string refreshToken) => TokenRequest(tokenUrl,
    [
        new("grant_type", "refresh_token"),
        new("refresh_token", refreshToken),
    ]);

    /// <summary>The query parameters of the redirect back to the client (code, state, or error).</summary>
    public static System.Collections.Specialized.NameValueCollection CallbackParameters(Uri location) => HttpUtility.ParseQueryString(location.Query);

    /// <summary>The code from the redirect to the client, or why there is none (<paramref name="step"/> names the request).</summary>
    public static (string? Code, string? Failure) CodeFrom(Uri location, string state, string step)
    {
        var parameters = CallbackParameters(location);
        if (parameters["error"] is { } error)
        {
            return (null, step + ": " + error);
        }

        return parameters["state"] != state || parameters["code"] is not { Length: > 0 } code
            ? (null, step + ": no code or wrong state")
            : (code, null);
    }

    /// <summary>Sends a code grant: <see cref="Sample.Ok"/> and the refresh token, or why not.</summary>
    public static async Task<(string Outcome, string? RefreshToken)> RedeemAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            return ($"token (code): {(int)response.StatusCode} {ReadTokens(body).Error}", null);
        }

        var (tokenError, refresh) = ReadTokens(body);
        return tokenError is null ? (GatewayPortal.Bench.LoadKit.Sample.Ok, refresh) : ("token (code): " + tokenError, null);
    }

    /// <summary>
    /// Reads a token response: null and the refresh token when it holds access, identity and refresh tokens,
    /// else a short reason.
    /// </summary>
    public static (string? Error, string? RefreshToken) ReadTokens(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                return ("token error " + error.GetString(), null);
            }

            var access = root.TryGetProperty("access_token", out var a) && a.GetString() is { Length: > 0 };
            var id = root.TryGetProperty("id_token", out var i) && i.GetString() is { Length: > 0 };
            var refresh = root.TryGetProperty("refresh_token", out var r) ? r.GetString() : null;
            return access && id && refresh is { Length: > 0 }
                ? (null, refresh)
                : ($"token answer without {(access ? "" : "access_token ")}{(id ? "" : "id_token ")}{(refresh is { Length: > 0 } ? "" : "refresh_token")}".TrimEnd(), null);
        }
        catch (JsonException)
        {
            return ("token answer is not JSON", null);
        }
    }

    private static HttpRequestMessage TokenRequest(Uri tokenUrl, KeyValuePair<string, string>[] grant) => new(HttpMethod.Post, tokenUrl)
    {
        // client_secret_post, as the brief for the sample client says.
        Content = new FormUrlEncodedContent([.. grant, new("client_id", ClientId), new("client_secret", ClientSecret)]),
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
