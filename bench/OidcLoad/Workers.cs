using System.Diagnostics;
using System.Net;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.OidcLoad;

/// <summary>A worker that needs something before the clock starts (a refresh token, a session).</summary>
internal interface IPreparedWorker : ILoadWorker
{
    Task PrepareAsync(CancellationToken cancellationToken);
}

/// <summary>(a) Complete sign-ins back to back, each as a fresh browser and a different person.</summary>
internal sealed class CodeFlowWorker(ICodeFlow flow, IReadOnlyList<Person> people, int index, int stride) : ILoadWorker
{
    private readonly ICodeFlow _flow = flow;
    private readonly List<Sample> _samples = new(capacity: 16_384);
    private readonly List<long[]> _steps = new(capacity: 16_384);

    public IReadOnlyList<Sample> Samples => _samples;

    /// <summary>Per-step ticks of the successful sign-ins that ended inside [from, to].</summary>
    public IEnumerable<long[]> StepsOfOkEndingIn(long from, long to) =>
        _samples.Select((s, i) => (s, i)).Where(x => x.s.Succeeded && x.s.EndTicks >= from && x.s.EndTicks <= to).Select(x => _steps[x.i]);

    public async Task RunAsync(long stopTicks, CancellationToken cancellationToken)
    {
        var next = index;
        while (Stopwatch.GetTimestamp() < stopTicks && !cancellationToken.IsCancellationRequested)
        {
            var person = people[next % people.Count];
            next += stride;
            var start = Stopwatch.GetTimestamp();
            var (outcome, _, steps) = await _flow.RunAsync(person, cancellationToken);
            _samples.Add(new Sample(start, Stopwatch.GetTimestamp(), outcome));
            _steps.Add(steps);
        }
    }
}

/// <summary>
/// (b) Refresh grants back to back on one token chain: each answer's rotated refresh token replaces the old one,
/// which is never presented again (reuse would revoke the authorization).
/// </summary>
internal sealed class RefreshWorker(HttpClient http, ICodeFlow flow, IReadOnlyList<Person> people, int index, int stride) : IPreparedWorker
{
    private readonly ICodeFlow _flow = flow;
    private readonly Uri _tokenUrl = flow.TokenUrl;
    private readonly List<Sample> _samples = new(capacity: 65_536);
    private int _next = index;
    private string? _refreshToken;

    public IReadOnlyList<Sample> Samples => _samples;

    /// <summary>Signs in through the code flow to get the first refresh token (not measured).</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (outcome, refresh, _) = await _flow.RunAsync(people[_next % people.Count], cancellationToken);
            _next += stride;
            if (refresh is not null)
            {
                _refreshToken = refresh;
                return;
            }

            await Console.Error.WriteLineAsync($"OidcLoad: no refresh token for worker {_next % stride}: {outcome}");
        }

        throw new InvalidOperationException($"worker {_next % stride} could not obtain a refresh token");
    }

    public async Task RunAsync(long stopTicks, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() < stopTicks && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = await RefreshAsync(cancellationToken);
            _samples.Add(new Sample(start, Stopwatch.GetTimestamp(), outcome));
            if (!ReferenceEquals(outcome, Sample.Ok) && !cancellationToken.IsCancellationRequested)
            {
                // The chain may be broken (revoked): start a new one. Its time counts against the window, not as a sample.
                await PrepareAsync(cancellationToken);
            }
        }
    }

    private async Task<string> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = OidcClient.RefreshGrant(_tokenUrl, _refreshToken!);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var (error, refresh) = OidcClient.ReadTokens(body);
            if (response.StatusCode != HttpStatusCode.OK || error is not null)
            {
                return $"{(int)response.StatusCode} {error}";
            }

            _refreshToken = refresh;
            return Sample.Ok;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException ex)
        {
            return "transport: " + ex.HttpRequestError;
        }
    }
}

/// <summary>(c) One signed-in person per worker requesting the launcher page back to back.</summary>
internal sealed class LauncherWorker(HttpClient http, Uri portal, IReadOnlyList<Person> people, int index) : IPreparedWorker
{
    private readonly Uri _launcherUrl = new(portal, "/");
    private readonly List<Sample> _samples = new(capacity: 262_144);
    private readonly CookieJar _jar = new();

    public IReadOnlyList<Sample> Samples => _samples;

    /// <summary>Signs in once with the password form (not measured): the jar then holds gp_session.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var loginUrl = new Uri(portal, "/account/login");
        var form = await LoginForm.FetchAsync(http, loginUrl, cancellationToken);
        using var post = form.CreatePost(loginUrl, people[index % people.Count]);
        using var response = await http.SendAsync(post, cancellationToken);
        var outcome = LoginForm.ClassifyPost(response);
        if (!ReferenceEquals(outcome, Sample.Ok))
        {
            throw new InvalidOperationException($"worker {index} could not sign in: {outcome}");
        }

        _jar.Absorb(response);
    }

    public async Task RunAsync(long stopTicks, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() < stopTicks && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            var (outcome, bytes) = await GetAsync(cancellationToken);
            _samples.Add(new Sample(start, Stopwatch.GetTimestamp(), outcome, bytes));
        }
    }

    private async Task<(string Outcome, long Bytes)> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _launcherUrl);
            _jar.AddTo(request);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                ? (Sample.Ok, body.Length)
                : ($"{(int)response.StatusCode} {response.Headers.Location?.AbsolutePath}", body.Length);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ("timeout", 0);
        }
        catch (HttpRequestException ex)
        {
            return ("transport: " + ex.HttpRequestError, 0);
        }
    }
}
