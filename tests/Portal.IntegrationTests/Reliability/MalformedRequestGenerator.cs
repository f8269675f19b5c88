using System.Globalization;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace GatewayPortal.Portal.IntegrationTests.Reliability;

/// <summary>Which endpoint a malformed request is aimed at.</summary>
public enum FuzzTarget
{
    AuthorizeGet,
    AuthorizePost,
    Token,
    UserInfo,
    Introspection,
    Revocation,
    EndSession,
    PushedAuthorization,
    LoginForm,
}

/// <summary>One malformed request, fully spelled out: the raw query string and body bytes go to the server as they are.</summary>
public sealed record FuzzRequest(
    int Index,
    FuzzTarget Target,
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    bool WithSession,
    IReadOnlyList<string> Mutations)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"#{Index} {Target} {Method} {Path}{(Query.Length > 120 ? Query[..120] + "…" : Query)} body={Body?.Length ?? 0}B session={WithSession} [{string.Join(", ", Mutations)}]");
}

/// <summary>
/// Real things the generator starts from, so that mutations sit next to what would work: a signed-in person's
/// session cookie and tokens, unredeemed codes with their verifiers, genuinely issued tokens that have expired, and an
/// anonymous antiforgery pair for the login form.
/// </summary>
public sealed record FuzzMaterial(
    string ClientId,
    string ClientSecret,
    string RedirectUri,
    string PostLogoutRedirectUri,
    string ServiceClientId,
    string ServiceClientSecret,
    string SessionCookie,
    string AccessToken,
    string RefreshToken,
    string IdToken,
    IReadOnlyList<(string Code, string Verifier)> Codes,
    string ExpiredAccessToken,
    string ExpiredRefreshToken,
    string ExpiredIdToken,
    string AntiforgeryCookie,
    string AntiforgeryToken,
    string VictimLogin);

/// <summary>
/// A deterministic (seeded) generator of requests that must all be refused: each one carries at least one defect
/// that makes it invalid (unknown or badly authenticated client, forged or expired token, unregistered redirect,
/// unsupported grant or response type, missing PKCE, wrong method or content type, missing antiforgery token …),
/// dressed with noise that must not matter (duplicated, oversized, control-character and wrongly encoded
/// parameters, huge headers, junk cookies and language headers). Defects are applied last and replace every value
/// of the parameter they touch, so no decoration can undo them.
/// </summary>
public sealed class MalformedRequestGenerator(FuzzMaterial material, int seed)
{
    /// <summary>Oversized values in request bodies (form posts).</summary>
    public const int OversizedBodyValue = 100 * 1024;

    /// <summary>Oversized values in query strings (ASCII): Kestrel's request line limit is 8 KiB, so stay under it.</summary>
    public const int OversizedQueryValue = 3 * 1024;

    /// <summary>A large header, well within Kestrel's 32 KiB total.</summary>
    public const int LargeHeader = 12 * 1024;

    private const string FormContentType = "application/x-www-form-urlencoded";

    private const int MaxQuery = 7 * 1024;

    // How often each target comes up, per 100 requests.
    private static readonly (FuzzTarget Target, int Weight)[] Weights =
    [
        (FuzzTarget.AuthorizeGet, 14), (FuzzTarget.AuthorizePost, 9), (FuzzTarget.Token, 17), (FuzzTarget.UserInfo, 9),
        (FuzzTarget.Introspection, 9), (FuzzTarget.Revocation, 9), (FuzzTarget.EndSession, 10), (FuzzTarget.PushedAuthorization, 9),
        (FuzzTarget.LoginForm, 14),
    ];

    private static readonly string[] OddMethods = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FUZZ"];

    private static readonly string[] RawBadEncodings = ["%C3%28", "%FF%FE", "%C0%AF", "%ED%A0%80", "%ZZ", "%", "%2", "%%41", "%E2%82", "%F8%88%80%80%80"];

    private static readonly string[] OddStrings =
    [
        "", " ", "\0", "\u0001\u0002\u001f", "\r\nSet-Cookie: x=1", "<script>alert(1)</script>", "'; DROP TABLE tokens; --",
        "../../../../etc/passwd", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "\uFEFF", "\uD800", "\uFFFF", "한글 값", "null", "[]", "{}",
        "%00", "*", ")(uid=*", "\u202Eevil",
    ];

    private readonly Random _random = new(seed);

    /// <summary>Makes <paramref name="count"/> requests; the same seed always gives the same requests.</summary>
    public IReadOnlyList<FuzzRequest> Generate(int count)
    {
        var total = Weights.Sum(w => w.Weight);
        var requests = new List<FuzzRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = _random.Next(total);
            var target = Weights.First(w => (pick -= w.Weight) < 0).Target;
            requests.Add(Build(i, target));
        }

        return requests;
    }

    private FuzzRequest Build(int index, FuzzTarget target)
    {
        var draft = target switch
        {
            FuzzTarget.AuthorizeGet => Authorize(inBody: false),
            FuzzTarget.AuthorizePost => Authorize(inBody: true),
            FuzzTarget.Token => Token(),
            FuzzTarget.UserInfo => UserInfo(),
            FuzzTarget.Introspection => IntrospectOrRevoke("/connect/introspect", getAllowed: true),
            FuzzTarget.Revocation => IntrospectOrRevoke("/connect/revoke", getAllowed: false),
            FuzzTarget.EndSession => EndSession(),
            FuzzTarget.PushedAuthorization => PushedAuthorization(),
            _ => LoginForm(),
        };
        return draft.ToRequest(index, target);
    }

    // ---- targets ----

    private Draft Authorize(bool inBody)
    {
        var draft = new Draft("/connect/authorize", inBody ? "POST" : "GET", inBody) { WithSession = Chance(50) };
        draft.Params.AddRange(AuthorizeParameters());
        Decorate(draft, 0, 3);
        for (var i = Between(1, 2); i > 0; i--)
        {
            AuthorizeDefect(draft, pushed: false);
        }

        return draft;
    }

    private Draft PushedAuthorization()
    {
        var draft = new Draft("/connect/par", "POST", inBody: true);
        draft.Params.AddRange(AuthorizeParameters());
        Decorate(draft, 0, 3);
        if (Chance(40))
        {
            BadClientAuthentication(draft, material.ClientId);
        }
        else
        {
            ClientInBody(draft, material.ClientId, material.ClientSecret);
            AuthorizeDefect(draft, pushed: true);
        }

        MaybeWrongTransport(draft, 10);
        return draft;
    }

    private Draft Token()
    {
        var draft = new Draft("/connect/token", "POST", inBody: true);
        var kind = Between(0, 3);
        switch (kind)
        {
            case 0:
                var (code, verifier) = material.Codes[_random.Next(material.Codes.Count)];
                draft.Set("grant_type", "authorization_code");
                draft.Set("code", code);
                draft.Set("code_verifier", verifier);
                draft.Set("redirect_uri", material.RedirectUri);
                break;
            case 1:
                draft.Set("grant_type", "refresh_token");
                draft.Set("refresh_token", material.RefreshToken);
                break;
            case 2:
                draft.Set("grant_type", "client_credentials");
                draft.Set("scope", "api");
                break;
            default:
                draft.Set("grant_type", "authorization_code");
                draft.Set("code", RandomToken());
                draft.Set("code_verifier", RandomToken());
                draft.Set("redirect_uri", material.RedirectUri);
                break;
        }

        var (clientId, secret) = kind == 2 ? (material.ServiceClientId, material.ServiceClientSecret) : (material.ClientId, material.ClientSecret);
        ClientInBody(draft, clientId, secret);
        Decorate(draft, 0, 3);
        switch (Between(0, 4))
        {
            case 0:
                BadClientAuthentication(draft, clientId);
                break;
            case 1:
                draft.Set("grant_type", Pick(["password", "implicit", "", "urn:ietf:params:oauth:grant-type:device_code",
                    "urn:ietf:params:oauth:grant-type:token-exchange", "urn:ietf:params:oauth:grant-type:jwt-bearer", "authorization_code ",
                    "AUTHORIZATION_CODE", "refresh_token,authorization_code", Oversized(false)]), "grant_type");
                break;
            case 2 when kind is 0 or 3:
                switch (Between(0, 3))
                {
                    case 0:
                        draft.Set("code_verifier", Pick([RandomToken(), "", "short", new string('a', 200), material.Codes[0].Verifier + "x"]), "pkce-mismatch");
                        break;
                    case 1:
                        draft.Remove("code_verifier", "pkce-missing");
                        break;
                    case 2:
                        draft.Set("redirect_uri", Pick(["https://evil.example/signin-oidc", material.RedirectUri + "/", material.RedirectUri.ToUpperInvariant(), ""]), "redirect-mismatch");
                        break;
                    default:
                        draft.Set("code", MutateJwtOrOpaque(material.Codes[0].Code), "forged-code");
                        break;
                }

                break;
            case 2:
                draft.Set("refresh_token", Chance(25) ? material.ExpiredRefreshToken : ForgedToken(material.RefreshToken), "forged-or-expired-refresh");
                draft.Set("grant_type", "refresh_token");
                break;
            case 3:
                draft.Set("grant_type", "refresh_token");
                draft.Set("refresh_token", Pick([material.AccessToken, material.IdToken, material.ExpiredAccessToken, material.ExpiredIdToken, ForgedToken(material.AccessToken)]), "wrong-token-type");
                break;
            default:
                WrongTransport(draft);
                break;
        }

        MaybeWrongTransport(draft, 5);
        return draft;
    }

    private Draft UserInfo()
    {
        var draft = new Draft("/connect/userinfo", Chance(70) ? "GET" : "POST", inBody: false);
        draft.InBody = draft.Method == "POST";
        Decorate(draft, 0, 3);
        var token = Pick([ForgedToken(material.AccessToken), material.ExpiredAccessToken, material.IdToken, material.RefreshToken, material.ExpiredIdToken, material.ExpiredRefreshToken]);
        switch (Between(0, 6))
        {
            case 0:
                draft.Mutations.Add("no-token");
                break;
            case 1:
                draft.Headers.Add(new("Authorization", "Bearer " + token));
                draft.Mutations.Add("bearer");
                break;
            case 2:
                draft.Headers.Add(new("Authorization", Pick(["bearer ", "BEARER ", "Bearer  ", "Basic ", "Token ", "Bearer"]) + token));
                draft.Mutations.Add("odd-scheme");
                break;
            case 3:
                draft.Set("access_token", token, "access_token-parameter");
                break;
            case 4:
                draft.Headers.Add(new("Authorization", "Bearer " + token));
                draft.Set("access_token", ForgedToken(material.AccessToken), "two-tokens");
                break;
            case 5:
                draft.Headers.Add(new("Authorization", "Bearer " + Pick(["", " ", "a b", "\u0001", Oversized(false), "..", "eyJ", RandomToken()])));
                draft.Mutations.Add("garbage-bearer");
                break;
            default:
                draft.Method = Pick(["PUT", "DELETE", "PATCH"]);
                draft.Headers.Add(new("Authorization", "Bearer " + token));
                draft.Mutations.Add("wrong-method");
                break;
        }

        return draft;
    }

    private Draft IntrospectOrRevoke(string path, bool getAllowed)
    {
        var draft = new Draft(path, "POST", inBody: true);
        var real = Pick([material.AccessToken, material.RefreshToken, material.IdToken]);
        draft.Set("token", real);
        if (Chance(50))
        {
            draft.Set("token_type_hint", Pick(["access_token", "refresh_token", "id_token", "authorization_code", "bogus", ""]));
        }

        ClientInBody(draft, material.ClientId, material.ClientSecret);
        Decorate(draft, 0, 3);
        if (Chance(50))
        {
            // The real tokens, presented by someone who cannot prove to be the client: nothing may be revealed or revoked.
            BadClientAuthentication(draft, material.ClientId);
        }
        else
        {
            draft.Set("token", Pick([ForgedToken(real), material.ExpiredAccessToken, material.ExpiredRefreshToken, material.ExpiredIdToken, RandomToken(), "", Oversized(true)]), "forged-token");
        }

        // Introspection may be asked with GET (OpenIddict allows it), so moving there is no defect.
        MaybeWrongTransport(draft, 10, allowGet: !getAllowed);
        return draft;
    }

    private Draft EndSession()
    {
        var draft = new Draft("/connect/endsession", Chance(60) ? "GET" : "POST", inBody: false) { WithSession = Chance(50) };
        draft.InBody = draft.Method == "POST";
        if (Chance(60))
        {
            draft.Set("post_logout_redirect_uri", material.PostLogoutRedirectUri);
        }

        if (Chance(50))
        {
            draft.Set("client_id", material.ClientId);
        }

        if (Chance(50))
        {
            draft.Set("state", RandomToken());
        }

        Decorate(draft, 0, 3);
        switch (Between(0, 4))
        {
            case 0:
                draft.Set("id_token_hint", ForgedToken(material.IdToken), "forged-hint");
                break;
            case 1 when !draft.WithSession:
                // A genuinely signed but expired hint, for nobody's current session.
                draft.Set("id_token_hint", material.ExpiredIdToken, "expired-hint");
                break;
            case 2:
                draft.Set("id_token_hint", Pick([material.AccessToken, material.RefreshToken, RandomToken(), "", Oversized(draft.InBody)]), "wrong-hint");
                break;
            case 3:
                // No hint: with a session the portal must ask first; a forged "confirm" without antiforgery changes nothing.
                draft.Remove("id_token_hint", "no-hint");
                if (draft.InBody && Chance(70))
                {
                    draft.Set("confirm", "yes", "forged-confirm");
                    draft.Set("__RequestVerificationToken", Pick(["", RandomToken(), material.AntiforgeryToken]));
                }

                break;
            default:
                draft.Set("id_token_hint", ForgedToken(material.IdToken));
                draft.Set("post_logout_redirect_uri", Pick(["https://evil.example/", "javascript:alert(1)", "//evil.example", material.PostLogoutRedirectUri + "x"]), "bad-post-logout-redirect");
                break;
        }

        if (Chance(5))
        {
            draft.Method = Pick(["PUT", "DELETE", "PATCH"]);
            draft.Mutations.Add("wrong-method");
        }

        return draft;
    }

    private Draft LoginForm()
    {
        var returnUrl = Chance(30) ? "?returnUrl=" + Uri.EscapeDataString(Pick(["//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\\evil.example", "/connect/authorize?client_id=x", "/" + new string('a', 2000)])) : "";
        var draft = new Draft("/account/login" + returnUrl, "POST", inBody: true);
        draft.Set("_handler", "login");
        draft.Set("Input.Login", "nobody." + RandomToken()[..8]);
        draft.Set("Input.Password", RandomToken());
        draft.Set("__RequestVerificationToken", material.AntiforgeryToken);
        draft.Headers.Add(new("Cookie", material.AntiforgeryCookie));
        Decorate(draft, 0, 3);
        switch (Between(0, 9))
        {
            case 0:
                draft.Remove("__RequestVerificationToken", "no-antiforgery");
                break;
            case 1:
                draft.Set("__RequestVerificationToken", Pick([RandomToken(), "", material.AntiforgeryToken + "x", Oversized(true), material.AntiforgeryToken[..(material.AntiforgeryToken.Length / 2)]]), "forged-antiforgery");
                break;
            case 2:
                draft.Headers.RemoveAll(h => h.Key == "Cookie");
                draft.Mutations.Add("antiforgery-token-without-cookie");
                break;
            case 3:
                draft.Set("Input.Password", Pick(["", " ", "\t", Oversized(true)]), "bad-password-field");
                draft.Set("Input.Login", Pick([material.VictimLogin, "nobody"]));
                break;
            case 4:
                draft.Set("Input.Login", Pick(["", "   ", Oversized(true), material.VictimLogin + "\0"]), "bad-login-field");
                break;
            case 5:
                // Filter injection against the directory, with a password nobody has.
                draft.Set("Input.Login", Pick(["*", "*)(uid=*", "nobody)(|(uid=*", "*)(objectClass=*))(|(uid=*", "\\2a", "admin*", "cn=admin,dc=x", "nobody\0*"]), "ldap-injection");
                break;
            case 6:
                draft.Set("_handler", Pick(["", "other", "login ", "LOGIN"]), "wrong-form-name");
                break;
            case 7:
                draft.Remove("_handler", "no-form-name");
                break;
            case 8:
                draft.Method = Pick(["PUT", "DELETE", "PATCH"]);
                draft.Mutations.Add("wrong-method");
                break;
            default:
                WrongTransport(draft);
                break;
        }

        return draft;
    }

    // ---- defects ----

    private void AuthorizeDefect(Draft draft, bool pushed)
    {
        switch (Between(0, 10))
        {
            case 0:
                draft.Set("client_id", Pick(["evil-app", "", "sample-lob ", "SAMPLE-LOB", RandomToken(), Oversized(draft.InBody)]), "unknown-client");
                break;
            case 1:
                draft.SetRaw("client_id", "sample-lob" + Pick(RawBadEncodings), "client-bad-encoding");
                break;
            case 2:
                draft.Set("redirect_uri", Pick(["https://evil.example/signin-oidc", material.RedirectUri + "/../evil", material.RedirectUri.ToUpperInvariant(),
                    material.RedirectUri + "#x", material.RedirectUri + "?x=1", "javascript:alert(1)", "", "/signin-oidc", "//evil.example"]), "bad-redirect");
                break;
            case 3:
                draft.Set("response_type", Pick(["token", "id_token", "code id_token", "code token", "", "none", "CODE", "code code2", RandomToken()]), "bad-response-type");
                break;
            case 4:
                draft.Set("code_challenge_method", Pick(["plain", "S512", "s256", "S256 "]), "bad-pkce-method");
                break;
            case 5:
                draft.Remove("code_challenge", "no-pkce");
                draft.Remove("code_challenge_method");
                break;
            case 6:
                draft.Set("scope", Pick(["openid evil", "openid profile admin", "openid offline_access root", "openid " + new string('x', 300)]), "bad-scope");
                break;
            case 7:
                draft.Set("response_mode", Pick(["bogus", "web_message", "jwt"]), "bad-response-mode");
                break;
            case 8:
                // A pushed request may leave redirect_uri out (RFC 9126: the registered one applies).
                draft.Remove(Pick<string>(pushed ? ["client_id", "response_type"] : ["client_id", "redirect_uri", "response_type"]), "missing-required");
                break;
            case 9:
                draft.Set("request", "eyJhbGciOiJub25lIn0." + Base64Url("{\"client_id\":\"sample-lob\"}") + ".", "request-object");
                break;
            default:
                draft.Set("request_uri", Pick(["urn:ietf:params:oauth:request_uri:" + RandomToken(), "urn:ietf:params:oauth:request_uri:" + RandomToken()[..4] + "!"]), "forged-request-uri");
                break;
        }
    }

    private void BadClientAuthentication(Draft draft, string clientId)
    {
        draft.Headers.RemoveAll(h => h.Key == "Authorization");
        switch (Between(0, 6))
        {
            case 0:
                draft.Set("client_secret", Pick(["", "wrong", material.ClientSecret + "x", material.ClientSecret.ToUpperInvariant(), Oversized(draft.InBody)]), "wrong-secret");
                break;
            case 1:
                draft.Set("client_id", Pick(["evil-app", "", RandomToken(), clientId + " "]), "unknown-client");
                break;
            case 2:
                draft.Remove("client_secret", "no-secret");
                break;
            case 3:
                draft.Remove("client_id", "no-client");
                draft.Remove("client_secret");
                break;
            case 4:
                // Credentials in the header and the body at once.
                draft.Headers.Add(new("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + material.ClientSecret))));
                draft.Set("client_secret", "wrong", "two-credentials");
                break;
            case 5:
                draft.Remove("client_id");
                draft.Remove("client_secret");
                draft.Headers.Add(new("Authorization", "Basic " + Pick(["!!!", "", Convert.ToBase64String(Encoding.UTF8.GetBytes("nocolon")),
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":wrong")), Convert.ToBase64String(Encoding.UTF8.GetBytes(":")), "QQ"])));
                draft.Mutations.Add("bad-basic");
                break;
            default:
                draft.SetRaw("client_secret", Uri.EscapeDataString(material.ClientSecret) + Pick(RawBadEncodings), "secret-bad-encoding");
                break;
        }
    }

    private void MaybeWrongTransport(Draft draft, int percent, bool allowGet = true)
    {
        if (Chance(percent))
        {
            WrongTransport(draft, allowGet);
        }
    }

    private void WrongTransport(Draft draft, bool allowGet = true)
    {
        var pick = Between(0, 6);
        switch (pick == 1 && !allowGet ? 0 : pick)
        {
            case 0:
                draft.Method = Pick(OddMethods);
                draft.Mutations.Add("method:" + draft.Method);
                break;
            case 1:
                draft.Method = "GET";
                draft.InBody = false;
                draft.Mutations.Add("GET-instead-of-POST");
                break;
            case 2:
                draft.ContentType = Pick(["application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x", ""]);
                draft.Mutations.Add("content-type:" + draft.ContentType);
                break;
            case 3:
                draft.RawBody = Encoding.UTF8.GetBytes("{\"grant_type\":\"client_credentials\",\"client_id\":\"" + material.ClientId + "\"}");
                draft.ContentType = "application/json";
                draft.Mutations.Add("json-body");
                break;
            case 4:
                draft.RawBody = RandomBytes(Between(1, 4096));
                draft.Mutations.Add("binary-body");
                break;
            case 5:
                draft.RawBody = [.. Encoding.ASCII.GetBytes("grant_type="), 0xFF, 0xFE, 0xC3, 0x28, .. Encoding.ASCII.GetBytes("&client_id="), 0xC0, 0xAF];
                draft.Mutations.Add("invalid-utf8-body");
                break;
            default:
                draft.ContentType = null;
                draft.Mutations.Add("no-content-type");
                break;
        }
    }

    // ---- decorations: noise that must not change the outcome ----

    private void Decorate(Draft draft, int min, int max)
    {
        for (var i = Between(min, max); i > 0; i--)
        {
            switch (Between(0, 12))
            {
                case 0 when draft.Params.Count > 0:
                    var duplicate = draft.Params[_random.Next(draft.Params.Count)];
                    draft.Params.Add(duplicate with { Value = Chance(50) ? duplicate.Value : Pick(OddStrings) });
                    draft.Mutations.Add("duplicate:" + duplicate.Name);
                    break;
                case 1:
                    draft.Params.Add(new("x_" + RandomToken()[..6], Oversized(draft.InBody)));
                    draft.Mutations.Add("oversized-extra");
                    break;
                case 2:
                    var name = Pick(["state", "nonce", "login_hint", "ui_locales", "acr_values", "claims", "max_age", "display", "prompt", "audience", "resource"]);
                    draft.Set(name, Pick([.. OddStrings, Oversized(draft.InBody), "-1", "99999999999999999999999", "{\"userinfo\":{\"x\":null", "ko-KR-x-" + RandomToken()]), "odd:" + name);
                    break;
                case 3:
                    draft.Params.Add(new(Pick(RawBadEncodings) + "name", Pick(RawBadEncodings), Raw: true));
                    draft.Mutations.Add("bad-encoding-extra");
                    break;
                case 4:
                    draft.Headers.Add(new("X-Fuzz", new string('x', LargeHeader)));
                    draft.Mutations.Add("large-header");
                    break;
                case 5:
                    draft.Headers.Add(new("Accept-Language", Pick(["xx-YY, zz;q=abc", "*;q=2", "ko;q=0.9;q=0.1, en", new string('a', 4000), "ko-KR\u0001", ",,,;;;", "i-klingon", "en-US-x-twain"])));
                    draft.Mutations.Add("accept-language");
                    break;
                case 6:
                    draft.Headers.Add(new("Cookie", Pick([".AspNetCore.Culture=c=zz-ZZ|uic=qq", ".AspNetCore.Culture=" + new string('%', 40), "gp_session=" + RandomToken(),
                        "gp_session=CfDJ8" + RandomToken() + RandomToken(), "a=" + new string('b', 4000), "=;=;=", ".AspNetCore.Culture=c=en|uic=en"])));
                    draft.Mutations.Add("cookie-junk");
                    break;
                case 7:
                    draft.Headers.Add(new("X-Forwarded-For", Pick(["not-an-ip", "300.1.1.1", "::1, ::1, ::1", "", new string('1', 500), "198.51.100.7:99999"])));
                    draft.Mutations.Add("forwarded-junk");
                    break;
                case 8:
                    draft.Headers.Add(new("User-Agent", Pick([new string('U', 4000), "\u0001", "Mozilla/5.0 (한글)"])));
                    draft.Mutations.Add("user-agent");
                    break;
                case 9 when draft.Params.Count > 0:
                    var index = _random.Next(draft.Params.Count);
                    draft.Params[index] = draft.Params[index] with { Name = draft.Params[index].Name.ToUpperInvariant() };
                    draft.Mutations.Add("upper-name");
                    break;
                case 10:
                    draft.Params.Add(new("", RandomToken()));
                    draft.Params.Add(new(RandomToken(), "", Raw: true));
                    draft.Mutations.Add("empty-name");
                    break;
                case 11:
                    draft.ContentType = "application/x-www-form-urlencoded; charset=" + Pick(["bogus", "utf-7", "\"utf-8\"", "iso-8859-1", "euc-kr"]);
                    draft.Mutations.Add("charset:" + draft.ContentType[(draft.ContentType.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                    break;
                default:
                    draft.Headers.Add(new("Origin", Pick(["https://evil.example", "null"])));
                    draft.Mutations.Add("origin");
                    break;
            }
        }
    }

    // ---- values ----

    private IEnumerable<Param> AuthorizeParameters()
    {
        yield return new("client_id", material.ClientId);
        yield return new("response_type", "code");
        yield return new("redirect_uri", material.RedirectUri);
        yield return new("scope", "openid profile email offline_access");
        yield return new("state", RandomToken());
        yield return new("nonce", RandomToken());
        yield return new("code_challenge", Base64Url(RandomBytes(32)));
        yield return new("code_challenge_method", "S256");
    }

    /// <summary>A token that must never be accepted: a real one tampered with, or a made-up one.</summary>
    private string ForgedToken(string real) => Between(0, 10) switch
    {
        0 => real[..Between(1, real.Length - 1)],
        1 => AlgNone(real),
        2 => TamperPayload(real),
        3 => FlipSignature(real),
        4 => HmacWithPublicKeyConfusion(real),
        5 => string.Join('.', Enumerable.Range(0, Between(1, 6)).Select(_ => RandomToken())),
        6 => "eyJ!!!.@@@.###",
        7 => Base64Url("{\"alg\":\"none\"}") + "." + Base64Url(new string('A', OversizedQueryValue)) + ".",
        // Not "=" or " ": padding and blanks around a genuine token leave its signature intact.
        8 => real + Pick([".", "..", "x", ".x"]),
        9 => Pick(["", "null", "undefined", "Bearer", "{}", "a.b.c", "....."]),
        _ => real.Replace('.', '_'),
    };

    private string MutateJwtOrOpaque(string value) => value.Contains('.', StringComparison.Ordinal) ? ForgedToken(value) : value[..Between(1, value.Length - 1)] + RandomToken()[..4];

    private static string AlgNone(string jwt)
    {
        var parts = jwt.Split('.');
        return parts.Length < 2 ? jwt + ".x" : Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    private string TamperPayload(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return jwt + "x";
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        }
        catch (FormatException)
        {
            return jwt + "x";
        }

        var tampered = payload.Replace("\"exp\":", "\"exp\":9" + _random.Next(10), StringComparison.Ordinal)
            .Replace("\"sub\":\"", "\"sub\":\"x", StringComparison.Ordinal);
        return parts[0] + "." + Base64Url(tampered) + "." + parts[2];
    }

    private string FlipSignature(string jwt)
    {
        var last = jwt.LastIndexOf('.');
        if (last < 0 || last == jwt.Length - 1)
        {
            return jwt + "A";
        }

        var chars = jwt.ToCharArray();
        // Not the last character: its low bits are padding, and flipping them leaves the signature as it was.
        var at = Between(last + 1, Math.Max(last + 1, chars.Length - 2));
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static string HmacWithPublicKeyConfusion(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return jwt + ".";
        }

        var header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}");
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.ASCII.GetBytes("public-key-confusion"));
        var signature = Base64UrlEncoder.Encode(hmac.ComputeHash(Encoding.ASCII.GetBytes(header + "." + parts[1])));
        return header + "." + parts[1] + "." + signature;
    }

    private string Oversized(bool inBody)
    {
        var length = inBody ? OversizedBodyValue : OversizedQueryValue;
        var unit = inBody ? Pick(["A", "가", "%", "&", "=", "\u00e9"]) : "A";
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private string RandomToken() => Base64Url(RandomBytes(24));

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(text);

    private static string Base64Url(byte[] bytes) => Base64UrlEncoder.Encode(bytes);

    private bool Chance(int percent) => _random.Next(100) < percent;

    private int Between(int min, int max) => _random.Next(min, max + 1);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static void ClientInBody(Draft draft, string clientId, string secret)
    {
        draft.Set("client_id", clientId);
        draft.Set("client_secret", secret);
    }

    private sealed record Param(string Name, string Value, bool Raw = false);

    private sealed class Draft(string path, string method, bool inBody)
    {
        public string Path { get; } = path;

        public string Method { get; set; } = method;

        public bool InBody { get; set; } = inBody;

        public bool WithSession { get; set; }

        public string? ContentType { get; set; } = FormContentType;

        public byte[]? RawBody { get; set; }

        public List<Param> Params { get; } = [];

        public List<KeyValuePair<string, string>> Headers { get; } = [];

        public List<string> Mutations { get; } = [];

        /// <summary>Replaces every value of <paramref name="name"/> (so no earlier duplicate survives).</summary>
        public void Set(string name, string value, string? mutation = null)
        {
            Remove(name, mutation);
            Params.Add(new(name, value));
        }

        public void SetRaw(string name, string rawValue, string? mutation = null)
        {
            Remove(name, mutation);
            Params.Add(new(name, rawValue, Raw: true));
        }

        public void Remove(string name, string? mutation = null)
        {
            // Case-insensitively, as the server reads names: "SCOPE" left behind would still count as a scope.
            Params.RemoveAll(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (mutation is not null)
            {
                Mutations.Add(mutation);
            }
        }

        public FuzzRequest ToRequest(int index, FuzzTarget target)
        {
            var encoded = string.Join('&', Params.Select(p => Uri.EscapeDataString(p.Name) + "=" + (p.Raw ? p.Value : Uri.EscapeDataString(p.Value))));
            var sendsBody = InBody && Method is not ("GET" or "HEAD" or "TRACE");
            var separator = Path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var query = sendsBody || encoded.Length == 0 ? "" : separator + encoded;
            var body = RawBody ?? (sendsBody ? Encoding.ASCII.GetBytes(encoded) : null);
            var headers = new List<KeyValuePair<string, string>>(Headers);
            if (body is not null && ContentType is not null)
            {
                headers.Add(new("Content-Type", ContentType));
            }

            var (path, pathQuery) = Path.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? (Path[..at], Path[at..]) : (Path, "");
            var fullQuery = pathQuery.Length > 0 ? pathQuery + (query.Length > 0 ? "&" + query[1..] : "") : query;
            // A body moved into the query (GET instead of POST) is cut to what fits Kestrel's 8 KiB request line.
            fullQuery = fullQuery.Length > MaxQuery ? fullQuery[..MaxQuery] : fullQuery;
            return new FuzzRequest(index, target, Method, path, fullQuery, headers, body, WithSession, Mutations.Count == 0 ? ["(none)"] : [.. Mutations]);
        }
    }
}
