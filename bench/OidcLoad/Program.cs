using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Bench.OidcLoad;

LoadOptions options;
string scenario;
string target;
try
{
    options = LoadOptions.Parse(args, "scenario", "target");
    scenario = options.Choice("scenario", "signin", "signin", "refresh", "launcher", "search", "wiki", "check");
    target = options.Choice("target", "portal", "portal", "peer");
    if (target == "peer" && scenario is not ("signin" or "refresh" or "check"))
    {
        throw new ArgumentException($"--scenario {scenario} is the portal's own; the peer runs signin, refresh and check");
    }
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(
        $"OidcLoad: {ex.Message}\nusage: OidcLoad --scenario signin|refresh|launcher|search|wiki|check [--target portal|peer] {LoadOptions.CommonUsage}\n" +
        "signin: complete code-flow sign-ins (authorize, login POST, authorize, token); refresh: refresh-token grants on rotating\n" +
        "tokens (one code flow per worker first); launcher: GET / with one session per worker; search: GET /search?q= with one\n" +
        "session per worker; wiki: editor GET + save POST of a 5 KB page per worker; check: one flow of each kind that must\n" +
        "succeed or be refused (PKCE, wrong password, rotation, reuse), exit 1 when one does not.\n" +
        "--target peer: the same client against another OpenID provider with an HTML login form (bench/peer, endpoints from\n" +
        "its discovery document); signin, refresh and check only.\n" +
        "OIDCLOAD_CLIENT_SECRET (environment): sample-lob's client secret where it is not the demo one (a Production node).");
    return 2;
}

if (Environment.GetEnvironmentVariable("OIDCLOAD_CLIENT_SECRET") is { Length: > 0 } secret)
{
    OidcClient.ClientSecret = secret;
}

// The client admits headquarters staff only; people under the second-factor rule would stop at the OTP step.
var people = UserList.Build(options.Users, options.UsersSeed, OidcClient.AllowedGroup);
if (scenario != "check")
{
    await Console.Out.WriteLineAsync($"{scenario}: {people.Count} eligible {OidcClient.AllowedGroup} people of {options.Users}; {options.Concurrency} workers, warm-up {options.Warmup.TotalSeconds} s, window {options.Duration.TotalSeconds} s against {options.Url}");
}

// Wiki pages of this run (one per worker): a new run does not edit the pages of an earlier one.
var runTag = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
using var http = LoadRun.CreateClient(options.Concurrency, options.TrustCertificatePath);
Func<ICodeFlow> newFlow;
if (target == "peer")
{
    using var discovery = new CancellationTokenSource(TimeSpan.FromSeconds(10));
    var peer = await FormCodeFlow.DiscoverAsync(http, options.Url, discovery.Token);
    newFlow = () => new FormCodeFlow(http, peer.AuthorizeUrl, peer.TokenUrl);
}
else
{
    newFlow = () => new CodeFlow(http, options.Url);
}

if (scenario == "check")
{
    await Console.Out.WriteLineAsync($"check of {target} at {options.Url}");
    return await Check.RunAsync(http, newFlow, people, strictReuse: target == "peer", Console.Out);
}

var workers = Enumerable.Range(0, options.Concurrency).Select(i => scenario switch
{
    "signin" => (ILoadWorker)new CodeFlowWorker(newFlow(), people, i, options.Concurrency),
    "refresh" => new RefreshWorker(http, newFlow(), people, i, options.Concurrency),
    "search" => new SearchWorker(http, options.Url, people, i, options.Concurrency),
    "wiki" => new WikiSaveWorker(http, options.Url, people, i, runTag),
    _ => new LauncherWorker(http, options.Url, people, i),
}).ToList();

var prepared = workers.OfType<IPreparedWorker>().ToList();
if (prepared.Count > 0)
{
    var clock = Stopwatch.StartNew();
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
    await Task.WhenAll(prepared.Select(w => w.PrepareAsync(timeout.Token)));
    await Console.Out.WriteLineAsync($"  prepared {prepared.Count} workers in {clock.Elapsed.TotalSeconds:0.0} s (not measured)");
}

var result = await LoadRun.RunAsync(options, workers);
var unit = scenario switch
{
    "signin" => "sign-ins",
    "refresh" => "refresh grants",
    "search" => "search pages",
    "wiki" => "wiki saves",
    _ => "launcher pages",
};
await Console.Out.WriteAsync(result.Describe(unit));
if (scenario == "signin")
{
    // Where a sign-in's latency goes, request by request (successful sign-ins in the window).
    var steps = workers.OfType<CodeFlowWorker>().SelectMany(w => w.StepsOfOkEndingIn(result.WindowStartTicks, result.WindowEndTicks)).ToList();
    var stepNames = newFlow().StepNames;
    for (var s = 0; s < stepNames.Length && steps.Count > 0; s++)
    {
        var sorted = steps.Select(x => x[s] * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        await Console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "  step   {0,-22} mean {1,6:0.0} ms  p50 {2,6:0.0}  p99 {3,6:0.0}",
            stepNames[s], sorted.Average(), sorted[(sorted.Length - 1) / 2], sorted[(int)Math.Ceiling(0.99 * sorted.Length) - 1]));
    }
}

if (options.MaxOtherPercent is { } maxOther && result.OtherPercent > maxOther)
{
    await Console.Error.WriteLineAsync($"OidcLoad: other processes used {result.OtherPercent:0}% of the machine (limit {maxOther:0}%): window disturbed, row not written");
    return 3;
}

if (options.OutputPath is { } path)
{
    await File.AppendAllTextAsync(path, result.TableRow(withBytes: scenario is "launcher" or "search") + Environment.NewLine);
}

return result.Succeeded > 0 ? 0 : 1;
