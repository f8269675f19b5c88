using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.OidcLoad;

/// <summary>
/// <c>--scenario check</c>: proves the target does what the benchmark assumes before its figures are compared: a complete
/// sign-in yields access, identity and refresh tokens; the id_token carries sub, name, preferred_username and email; a
/// redemption without the PKCE verifier is refused; a wrong password is refused; a refresh rotates the token; a rotated
/// token presented again is refused (on the peer, which has no reuse leeway; the portal accepts a reuse within its
/// RefreshTokenReuseLeeway of 30 s, so that step is reported, not required, there).
/// </summary>
internal static class Check
{
    public static async Task<int> RunAsync(HttpClient http, Func<ICodeFlow> newFlow, IReadOnlyList<Person> people, bool strictReuse, TextWriter output)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var token = timeout.Token;
        var failures = 0;
        var lines = new StringBuilder();
        void Report(bool ok, string what, string detail)
        {
            failures += ok ? 0 : 1;
            lines.AppendLine(CultureInfo.InvariantCulture, $"  {(ok ? "ok  " : "FAIL")} {what}: {detail}");
        }

        // 1. A complete sign-in.
        var flow = newFlow();
        var (outcome, refresh, _) = await flow.RunAsync(people[0], token);
        Report(ReferenceEquals(outcome, Sample.Ok) && refresh is not null, "complete sign-in (code flow with PKCE)", outcome);

        // 2. Without the PKCE verifier the code is not redeemed.
        var noVerifier = newFlow();
        noVerifier.CodeGrant = OidcClient.CodeGrantWithoutVerifier;
        var (pkceOutcome, _, _) = await noVerifier.RunAsync(people[1 % people.Count], token);
        Report(pkceOutcome.StartsWith("token (code): 400", StringComparison.Ordinal), "code redeemed without code_verifier is refused", pkceOutcome);

        // 3. A wrong password is refused at the login form.
        var wrong = people[2 % people.Count] with { Password = "Wrong!" + people[2 % people.Count].Password };
        var (wrongOutcome, _, _) = await newFlow().RunAsync(wrong, token);
        Report(wrongOutcome.StartsWith("login POST: 200", StringComparison.Ordinal), "wrong password is refused", wrongOutcome);

        if (refresh is null)
        {
            lines.AppendLine("  (no refresh token: rotation not checked)");
            await output.WriteAsync(lines.ToString());
            return 1;
        }

        // 4. A refresh rotates the token and answers with an id_token carrying the person's claims.
        var (status, json) = await RefreshAsync(http, flow.TokenUrl, refresh, token);
        var rotated = json.RootElement.TryGetProperty("refresh_token", out var r) ? r.GetString() : null;
        Report(status == HttpStatusCode.OK && rotated is { Length: > 0 } && rotated != refresh, "refresh grant rotates the refresh token",
            $"{(int)status}{(rotated == refresh ? ", same token back" : "")}");
        var claims = json.RootElement.TryGetProperty("id_token", out var id) ? Payload(id.GetString()) : null;
        var missing = new[] { "sub", "name", "preferred_username", "email" }.Where(c => claims is null || !claims.RootElement.TryGetProperty(c, out _)).ToList();
        Report(missing.Count == 0, "id_token of the refresh carries sub, name, preferred_username, email",
            missing.Count == 0 ? $"preferred_username {claims!.RootElement.GetProperty("preferred_username").GetString()}" : "missing " + string.Join(", ", missing));

        var access = json.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : null;
        lines.AppendLine(CultureInfo.InvariantCulture, $"  info access_token: {(access?.Count(ch => ch == '.') == 2 ? $"JWT, header {Header(access)}" : $"opaque ({access?.Length ?? 0} characters)")}");

        // 5. The rotated (old) token presented again.
        var (reuseStatus, reuseJson) = await RefreshAsync(http, flow.TokenUrl, refresh, token);
        var reuseError = reuseJson.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
        if (strictReuse)
        {
            Report(reuseStatus == HttpStatusCode.BadRequest, "a rotated refresh token presented again is refused", $"{(int)reuseStatus} {reuseError}");
            if (rotated is not null)
            {
                // oidc-provider revokes the grant on reuse: the newest token of the chain is dead too.
                var (afterStatus, _) = await RefreshAsync(http, flow.TokenUrl, rotated, token);
                Report(afterStatus == HttpStatusCode.BadRequest, "reuse revokes the chain (the newest token is refused too)", $"{(int)afterStatus}");
            }
        }
        else
        {
            lines.AppendLine(CultureInfo.InvariantCulture, $"  info rotated token presented again at once: {(int)reuseStatus} {reuseError} (the portal allows a reuse within its 30 s leeway; its rotation tests cover reuse detection)");
        }

        lines.AppendLine(failures == 0 ? "check passed" : $"check FAILED ({failures})");
        await output.WriteAsync(lines.ToString());
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(HttpStatusCode Status, JsonDocument Json)> RefreshAsync(HttpClient http, Uri tokenUrl, string refreshToken, CancellationToken token)
    {
        using var request = OidcClient.RefreshGrant(tokenUrl, refreshToken);
        using var response = await http.SendAsync(request, token);
        var body = await response.Content.ReadAsByteArrayAsync(token);
        try
        {
            return (response.StatusCode, JsonDocument.Parse(body));
        }
        catch (JsonException)
        {
            return (response.StatusCode, JsonDocument.Parse("{}"));
        }
    }

    private static string Header(string jwt)
    {
        var text = jwt.Split('.')[0].Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=')));
    }

    private static JsonDocument? Payload(string? jwt)
    {
        var parts = jwt?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        var text = parts[1].Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
    }
}
