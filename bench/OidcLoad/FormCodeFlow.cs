using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.OidcLoad;

/// <summary>A code flow: one complete sign-in of a fresh browser, its outcome, its refresh token and per-step ticks.</summary>
internal interface ICodeFlow
{
    /// <summary>The requests of one flow, in order, for the per-step timing.</summary>
    string[] StepNames { get; }

    /// <summary>The token endpoint (refresh grants go there).</summary>
    Uri TokenUrl { get; }

    /// <summary>Builds the code redemption from (token URL, code, PKCE verifier); <c>--scenario check</c> replaces it.</summary>
    Func<Uri, string, string, HttpRequestMessage> CodeGrant { get; set; }

    Task<(string Outcome, string? RefreshToken, long[] StepTicks)> RunAsync(Person person, CancellationToken cancellationToken);
}

/// <summary>
/// The same sign-in against any OpenID provider with an HTML login form (the oidc-provider peer of bench/peer): authorize
/// → (redirect) login page → POST of its form with the hidden inputs as found, the login in the text field and the password
/// in the password field → (redirect) authorize again → code on the client's redirect URI, state checked → token endpoint.
/// Same client, PKCE, scopes and token checks as <see cref="CodeFlow"/>; the endpoints come from the provider's discovery.
/// </summary>
internal sealed class FormCodeFlow(HttpClient http, Uri authorizeUrl, Uri tokenUrl) : ICodeFlow
{
    private static readonly string[] Steps = ["authorize (anonymous)", "login page", "login POST", "authorize (resume)", "token (code)"];

    public string[] StepNames => Steps;

    public Uri TokenUrl => tokenUrl;

    public Uri AuthorizeUrl => authorizeUrl;

    public Func<Uri, string, string, HttpRequestMessage> CodeGrant { get; set; } = OidcClient.CodeGrant;

    /// <summary>Reads the authorization and token endpoints from <c>/.well-known/openid-configuration</c>.</summary>
    public static async Task<FormCodeFlow> DiscoverAsync(HttpClient http, Uri issuer, CancellationToken cancellationToken)
    {
        var json = await http.GetByteArrayAsync(new Uri(issuer, "/.well-known/openid-configuration"), cancellationToken);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Uri Endpoint(string name) => root.TryGetProperty(name, out var value) && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"the discovery document of {issuer} has no {name}");
        return new FormCodeFlow(http, Endpoint("authorization_endpoint"), Endpoint("token_endpoint"));
    }

    public async Task<(string Outcome, string? RefreshToken, long[] StepTicks)> RunAsync(Person person, CancellationToken cancellationToken)
    {
        var steps = new long[Steps.Length];
        var step = 0;
        var mark = Stopwatch.GetTimestamp();
        void Done()
        {
            var now = Stopwatch.GetTimestamp();
            steps[step++] = now - mark;
            mark = now;
        }

        var verifier = OidcClient.RandomToken();
        var state = OidcClient.RandomToken(16);
        var authorize = OidcClient.AuthorizeUrl(authorizeUrl, state, OidcClient.RandomToken(16), OidcClient.Challenge(verifier));
        var jar = new CookieJar();
        try
        {
            // 1. No session yet: the provider sends the browser to its login page.
            Uri loginUrl;
            using (var response = await SendAsync(HttpMethod.Get, authorize, null, jar, cancellationToken))
            {
                if (!IsRedirect(response) || response.Headers.Location is not { } location || location.OriginalString.StartsWith(OidcClient.RedirectUri, StringComparison.Ordinal))
                {
                    return ($"authorize (anonymous): {(int)response.StatusCode} {response.Headers.Location?.AbsolutePath}", null, steps);
                }

                loginUrl = new Uri(authorize, location);
            }
            Done();

            // 2. The login page: the form's action and hidden inputs.
            HtmlLoginForm form;
            using (var response = await SendAsync(HttpMethod.Get, loginUrl, null, jar, cancellationToken))
            {
                var html = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK || HtmlLoginForm.Parse(loginUrl, html) is not { } parsed)
                {
                    return ($"login page: {(int)response.StatusCode}{(response.StatusCode == HttpStatusCode.OK ? " without a login form" : "")}", null, steps);
                }

                form = parsed;
            }
            Done();

            // 3. The password POST: directory search and bind; a redirect back to the authorization endpoint.
            Uri back;
            using (var response = await SendAsync(HttpMethod.Post, form.Action, form.Fill(person.Uid, person.Password), jar, cancellationToken))
            {
                if (!IsRedirect(response) || response.Headers.Location is not { } location)
                {
                    return ("login POST: " + (response.StatusCode == HttpStatusCode.OK ? "200 (form again: wrong password?)" : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)), null, steps);
                }

                back = new Uri(form.Action, location);
            }
            Done();

            // 4. Authorize with the session: the code on the client's redirect URI.
            string code;
            using (var response = await SendAsync(HttpMethod.Get, back, null, jar, cancellationToken))
            {
                var location = response.Headers.Location;
                if (!IsRedirect(response) || location is null || !location.OriginalString.StartsWith(OidcClient.RedirectUri, StringComparison.Ordinal))
                {
                    return ($"authorize (resume): {(int)response.StatusCode} {location?.AbsolutePath}", null, steps);
                }

                (var c, var failure) = OidcClient.CodeFrom(location, state, "authorize (resume)");
                if (failure is not null)
                {
                    return (failure, null, steps);
                }

                code = c!;
            }
            Done();

            // 5. Redeem the code (client secret + PKCE verifier).
            using (var request = CodeGrant(tokenUrl, code, verifier))
            {
                var (outcome, refresh) = await OidcClient.RedeemAsync(http, request, cancellationToken);
                if (ReferenceEquals(outcome, Sample.Ok))
                {
                    Done();
                }

                return (outcome, refresh, steps);
            }
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"timeout in {Steps[Math.Min(step, Steps.Length - 1)]}", null, steps);
        }
        catch (HttpRequestException ex)
        {
            return ($"transport in {Steps[Math.Min(step, Steps.Length - 1)]}: {ex.HttpRequestError}", null, steps);
        }
    }

    private static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect;

    // The body is buffered (read by the caller for the login page, drained here for the others).
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, HttpContent? content, CookieJar jar, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        jar.AddTo(request);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        jar.Absorb(response);
        return response;
    }
}

/// <summary>The first form of a login page that has a password field: its absolute action and its fields.</summary>
internal sealed partial record HtmlLoginForm(Uri Action, IReadOnlyList<KeyValuePair<string, string>> Hidden, string LoginField, string PasswordField)
{
    public static HtmlLoginForm? Parse(Uri page, string html)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var hidden = new List<KeyValuePair<string, string>>();
            string? login = null;
            string? password = null;
            foreach (Match input in InputElement().Matches(form.Groups["body"].Value))
            {
                var type = Attribute(input.Value, "type")?.ToLowerInvariant() ?? "text";
                if (Attribute(input.Value, "name") is not { Length: > 0 } name)
                {
                    continue;
                }

                switch (type)
                {
                    case "hidden":
                        hidden.Add(new(name, Attribute(input.Value, "value") ?? ""));
                        break;
                    case "password":
                        password ??= name;
                        break;
                    case "text" or "email":
                        login ??= name;
                        break;
                }
            }

            if (login is not null && password is not null)
            {
                var action = Attribute(form.Groups["open"].Value, "action") is { Length: > 0 } a ? new Uri(page, a) : page;
                return new HtmlLoginForm(action, hidden, login, password);
            }
        }

        return null;
    }

    public FormUrlEncodedContent Fill(string login, string password) =>
        new([.. Hidden, new(LoginField, login), new(PasswordField, password)]);

    private static string? Attribute(string tag, string name)
    {
        foreach (Match m in AttributePattern().Matches(tag))
        {
            if (m.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return WebUtility.HtmlDecode(m.Groups["value"].Value);
            }
        }

        return null;
    }

    [GeneratedRegex("(?<open><form\\b[^>]*>)(?<body>.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InputElement();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();
}
