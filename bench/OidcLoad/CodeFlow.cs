using System.Diagnostics;
using System.Net;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.OidcLoad;

/// <summary>
/// One complete sign-in of a fresh browser through the authorization code flow with PKCE:
/// authorize → login page → password POST (LDAP) → authorize again with gp_session → code → token endpoint.
/// </summary>
internal sealed class CodeFlow(HttpClient http, Uri portal) : ICodeFlow
{
    /// <summary>The five requests, in order, for the per-step timing.</summary>
    private static readonly string[] Steps = ["authorize (anonymous)", "login page", "login POST", "authorize (session)", "token (code)"];

    private readonly Uri _tokenUrl = new(portal, "/connect/token");

    public string[] StepNames => Steps;

    public Uri TokenUrl => _tokenUrl;

    public Func<Uri, string, string, HttpRequestMessage> CodeGrant { get; set; } = OidcClient.CodeGrant;

    /// <summary>The outcome (<see cref="Sample.Ok"/> or a reason), the refresh token, the ticks of each step.</summary>
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
        var authorize = OidcClient.AuthorizeUrl(new Uri(portal, "/connect/authorize"), state, OidcClient.RandomToken(16), OidcClient.Challenge(verifier));
        var jar = new CookieJar();
        try
        {
            // 1. No session yet: the portal sends the browser to its login page.
            Uri loginUrl;
            using (var response = await SendAsync(HttpMethod.Get, authorize, jar, cancellationToken))
            {
                if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location is not { } location
                    || !location.OriginalString.Contains("/account/login", StringComparison.Ordinal))
                {
                    return ($"authorize (anonymous): {(int)response.StatusCode} {response.Headers.Location?.AbsolutePath}", null, steps);
                }

                loginUrl = new Uri(portal, location);
            }
            Done();

            // 2. The login page: antiforgery token and cookie.
            LoginForm form;
            try
            {
                form = await LoginForm.FetchAsync(http, loginUrl, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                return ("login page: " + ex.Message.Split(' ', 4)[^1], null, steps);
            }
            Done();

            // 3. The password POST: LDAP search and bind; 302 back to the authorize URL with gp_session.
            Uri back;
            using (var post = form.CreatePost(loginUrl, person))
            using (var response = await http.SendAsync(post, cancellationToken))
            {
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var outcome = LoginForm.ClassifyPost(response);
                if (!ReferenceEquals(outcome, Sample.Ok))
                {
                    return ("login POST: " + outcome, null, steps);
                }

                jar.Absorb(response);
                back = new Uri(portal, response.Headers.Location!);
                if (!back.AbsolutePath.Equals("/connect/authorize", StringComparison.Ordinal))
                {
                    return ("login POST: redirected to " + back.AbsolutePath, null, steps);
                }
            }
            Done();

            // 4. Authorize with the session: access policy, session-application row, audit, authorization code.
            string code;
            using (var response = await SendAsync(HttpMethod.Get, back, jar, cancellationToken))
            {
                var location = response.Headers.Location;
                if (response.StatusCode != HttpStatusCode.Found || location is null
                    || !location.OriginalString.StartsWith(OidcClient.RedirectUri, StringComparison.Ordinal))
                {
                    return ($"authorize (session): {(int)response.StatusCode} {location?.AbsolutePath}", null, steps);
                }

                (var c, var failure) = OidcClient.CodeFrom(location, state, "authorize (session)");
                if (failure is not null)
                {
                    return (failure, null, steps);
                }

                code = c!;
            }
            Done();

            // 5. Redeem the code (client secret + PKCE verifier).
            using (var request = CodeGrant(_tokenUrl, code, verifier))
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

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, CookieJar jar, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        jar.AddTo(request);
        var response = await http.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        jar.Absorb(response);
        return response;
    }
}
