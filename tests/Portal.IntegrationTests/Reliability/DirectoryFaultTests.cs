using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Reliability;

/// <summary>
/// Issue #7 (3): the directory goes away in the middle of a sign-in load. Each test runs its own slapd instances
/// (copies of the run's directory on their own ports), so the shared one is never stopped. The portal keeps its
/// default directory timeouts: a stopped server on loopback refuses connections at once. The tests assert what each
/// sign-in answered; how fast a refusal and the recovery are is measured by bench/DirectoryFailover (bench/RESULTS.md).
/// </summary>
public sealed partial class DirectoryFaultTests(SlapdFixture directory)
{
    /// <summary>Concurrent sign-in workers.</summary>
    public const int Workers = 8;

    /// <summary>Patience for each phase of the load (warm-up, outage, recovery): a bound on waiting, not a measurement.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInLoad_OnlyDirectoryStoppedThenStarted_RefusesWithLocalizedPageAndRecovers()
    {
        // Arrange
        await using var slapd = await directory.Server.CloneAsync(Cancel);
        await using var portal = new PortalApplicationFactory(directory, new Dictionary<string, string?> { ["Directory:Servers:0"] = slapd.Url });
        await using var load = await SignInLoad.StartAsync(portal, StaffAccounts.WithoutSecondFactor(directory.Organization).Take(400).ToList());

        // Act: every worker signs in before the stop, several sign-ins are refused during the outage, and after the
        // restart the workers sign in again until two rounds in a row succeed.
        await load.UntilAsync(a => a.Count(x => x.Outcome == SignInOutcome.Succeeded) >= 2 * Workers, "sign-ins before the outage");
        var stopping = load.Elapsed;
        await slapd.StopAsync(Cancel);
        var down = load.Elapsed;
        await load.UntilAsync(a => a.Count(x => x.Started >= down) >= 2 * Workers, "attempts during the outage");
        var restarting = load.Elapsed;
        await slapd.StartAsync(Cancel);
        var up = load.Elapsed;
        await load.UntilAsync(a => a.Where(x => x.Started >= up).TakeLast(2 * Workers) is var last && last.Count() == 2 * Workers && last.All(x => x.Outcome == SignInOutcome.Succeeded), "two rounds of sign-ins after the restart");
        var attempts = await load.StopAsync();

        // Assert
        // Wholly inside the outage: an attempt still running when slapd is started again may reach it and rightly succeed.
        var duringOutage = attempts.Where(a => a.Started >= down && a.Ended < restarting).ToList();
        var firstBack = attempts.Where(a => a.Outcome == SignInOutcome.Succeeded && a.Started >= up).MinBy(a => a.Ended);
        Report(attempts, $"slapd stopping at {stopping.TotalSeconds:F1} s, gone at {down.TotalSeconds:F1} s, started again at {restarting.TotalSeconds:F1} s, answering at {up.TotalSeconds:F1} s; "
            + $"during the outage: {duringOutage.Count} attempts, slowest {Slowest(duringOutage)} ms; "
            + $"first sign-in after restart {(firstBack is null ? "never" : $"{(firstBack.Ended - up).TotalMilliseconds:F0} ms")} after slapd answered");
        Assert.Contains(attempts, a => a.Outcome == SignInOutcome.Succeeded && a.Ended <= down);
        Assert.NotEmpty(duringOutage);
        Assert.All(attempts, a => Assert.True(a.Outcome is SignInOutcome.Succeeded or SignInOutcome.DirectoryUnavailable, a.ToString()));
        Assert.All(duringOutage, a => Assert.Equal(SignInOutcome.DirectoryUnavailable, a.Outcome));
        Assert.NotNull(firstBack);
    }

    [Fact]
    public async Task SignInLoad_OneOfTwoDirectoriesStopped_LosesNoSignIn()
    {
        // Arrange: two servers with the same entries; the portal prefers the first.
        await using var primary = await directory.Server.CloneAsync(Cancel);
        await using var replica = await directory.Server.CloneAsync(Cancel);
        await using var portal = new PortalApplicationFactory(directory, new Dictionary<string, string?>
        {
            ["Directory:Servers:0"] = primary.Url,
            ["Directory:Servers:1"] = replica.Url,
        });
        await using var load = await SignInLoad.StartAsync(portal, StaffAccounts.WithoutSecondFactor(directory.Organization).Take(400).ToList());

        // Act
        await load.UntilAsync(a => a.Count >= 2 * Workers, "sign-ins before the stop");
        var stopping = load.Elapsed;
        await primary.StopAsync(Cancel);
        var down = load.Elapsed;
        await load.UntilAsync(a => a.Count(x => x.Started >= down) >= 4 * Workers, "sign-ins after the stop");
        var attempts = await load.StopAsync();

        // Assert
        var afterFailover = attempts.Where(a => a.Started >= stopping).ToList();
        Report(attempts, $"primary stopping at {stopping.TotalSeconds:F1} s, gone at {down.TotalSeconds:F1} s; from then on: {afterFailover.Count} attempts, slowest {Slowest(afterFailover)} ms");
        Assert.Contains(attempts, a => a.Ended <= stopping);
        Assert.NotEmpty(afterFailover);
        Assert.All(attempts, a => Assert.True(a.Outcome == SignInOutcome.Succeeded, a.ToString()));
    }

    private static string Slowest(IReadOnlyCollection<SignInAttempt> attempts) =>
        attempts.Count == 0 ? "-" : attempts.Max(a => a.Duration.TotalMilliseconds).ToString("F0", CultureInfo.InvariantCulture);

    private static void Report(IReadOnlyList<SignInAttempt> attempts, string summary)
    {
        var byOutcome = string.Join(", ", attempts.GroupBy(a => a.Outcome).Select(g => $"{g.Key} {g.Count()}"));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{attempts.Count} sign-in attempts by {Workers} workers ({byOutcome}); {summary}"));
    }

    /// <summary>What one login POST came to.</summary>
    private enum SignInOutcome
    {
        Succeeded,
        DirectoryUnavailable,
        Other,
    }

    /// <summary>One login POST: when it started and ended (since the load began) and what it answered.</summary>
    private sealed record SignInAttempt(TimeSpan Started, TimeSpan Ended, SignInOutcome Outcome, int Status, string Detail)
    {
        public TimeSpan Duration => Ended - Started;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Outcome} HTTP {Status} at {Started.TotalSeconds:F2} s in {Duration.TotalMilliseconds:F0} ms: {Detail}");
    }

    [GeneratedRegex("<h1[^>]*>디렉터리 서비스에 연결할 수 없습니다</h1>")]
    private static partial Regex UnavailableHeading();

    /// <summary><see cref="Workers"/> clients posting the login form in a loop, each with its own antiforgery pair and people.</summary>
    private sealed class SignInLoad : IAsyncDisposable
    {
        private readonly ConcurrentQueue<SignInAttempt> _attempts = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<Task> _workers = [];

        public TimeSpan Elapsed => _clock.Elapsed;

        public static async Task<SignInLoad> StartAsync(PortalApplicationFactory portal, IReadOnlyList<Person> people)
        {
            var load = new SignInLoad();
            for (var w = 0; w < Workers; w++)
            {
                var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
                var (cookie, token) = await AntiforgeryAsync(client);
                var mine = people.Where((_, i) => i % Workers == w).ToList();
                var address = string.Create(CultureInfo.InvariantCulture, $"198.51.100.{w + 1}");
                load._workers.Add(Task.Run(() => load.RunAsync(client, cookie, token, mine, address)));
            }

            return load;
        }

        /// <summary>Waits until the attempts so far (in the order they ended) satisfy <paramref name="done"/>.</summary>
        public Task UntilAsync(Func<IReadOnlyList<SignInAttempt>, bool> done, string because) =>
            Eventually.UntilAsync(() => done([.. _attempts.OrderBy(a => a.Ended)]), Patience, because);

        /// <summary>Stops the workers and returns every attempt in the order they ended.</summary>
        public async Task<IReadOnlyList<SignInAttempt>> StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_workers);
            return [.. _attempts.OrderBy(a => a.Ended)];
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }

        private async Task RunAsync(HttpClient client, string cookie, string token, IReadOnlyList<Person> people, string address)
        {
            using var disposeClient = client;
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                var person = people[i % people.Count];
                using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["_handler"] = "login",
                        ["Input.Login"] = person.Uid,
                        ["Input.Password"] = person.Password,
                        ["__RequestVerificationToken"] = token,
                    }),
                };
                request.Headers.Add("Cookie", cookie);
                request.Headers.Add("X-Forwarded-For", address);
                var started = _clock.Elapsed;
                // Not cancelled by the stop: an attempt under way runs to its answer, so its time is measured.
                using var response = await client.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var ended = _clock.Elapsed;
                _attempts.Enqueue(new SignInAttempt(started, ended, Classify(response, body), (int)response.StatusCode, person.Uid));
            }
        }

        private static SignInOutcome Classify(HttpResponseMessage response, string body)
        {
            var setsSession = response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("gp_session", StringComparison.Ordinal));
            if (response.StatusCode == HttpStatusCode.Redirect && setsSession)
            {
                return SignInOutcome.Succeeded;
            }

            // The localized page: its heading and the explanation next to the form.
            return response.StatusCode == HttpStatusCode.ServiceUnavailable
                && UnavailableHeading().IsMatch(body)
                && body.Contains("잠시 후 다시 시도하세요", StringComparison.Ordinal)
                ? SignInOutcome.DirectoryUnavailable
                : SignInOutcome.Other;
        }

        private static async Task<(string Cookie, string Token)> AntiforgeryAsync(HttpClient client)
        {
            using var response = await client.GetAsync("/account/login", Cancel);
            var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)])
                .Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
            var page = await PortalClient.ParseAsync(response);
            return (cookie, page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        }
    }
}

/// <summary>People of the test directory whose right password ends in a session.</summary>
internal static class StaffAccounts
{
    /// <summary>Active people outside the second-factor groups (nested groups followed).</summary>
    public static IEnumerable<Person> WithoutSecondFactor(Organization organization)
    {
        var groups = organization.Groups.ToDictionary(g => g.DistinguishedName, StringComparer.OrdinalIgnoreCase);
        var secondFactor = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([CityHall.GroupDn("mfa-required")]);
        while (pending.TryPop(out var dn))
        {
            if (secondFactor.Add(dn) && groups.TryGetValue(dn, out var group))
            {
                foreach (var member in group.Members)
                {
                    pending.Push(member);
                }
            }
        }

        return organization.People.Where(p => !p.IsDisabled && !secondFactor.Contains(p.DistinguishedName));
    }
}
