// The home page's budget (issue #15, section 1), measured: a person with 20 favourites, 10 counters and 10 notices;
// server time ≤ 10 ms and ≤ 40 KB of HTML. One client, sequential requests, in process (TestServer: no sockets).
//
//   bench/home.sh [requests]      (default 1000; needs slapd: scripts/deps.sh)
//
// Every source is the real one: Seed.cs writes favourites and launches through the portal's routes, counters through the
// counters store and notices through the boards' writer.
using System.Globalization;
using GatewayPortal.Bench.HomeBench;
using GatewayPortal.Portal.IntegrationTests.Home;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore" })
{
    Environment.SetEnvironmentVariable("Logging__LogLevel__" + category, "Critical");
}

// WebApplicationFactory reads the portal's content root from MvcTestingAppManifest.json in the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var directory = new SlapdFixture();
await directory.InitializeAsync();
try
{
    await using var portal = new HomeBenchPortal(directory);
    using var kim = portal.CreatePortalClient();
    var signIn = await kim.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
    if (signIn.StatusCode != System.Net.HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"sign-in answered {signIn.StatusCode}");
    }

    var seeded = await Seed.PersonAsync(portal, kim, DemoAccounts.KimMinsu.Uid, favorites: 20, recent: 8, counters: 10, notices: 10);
    using var commands = new CommandCounter();
    var home = await Measure.PageAsync(portal, kim, "/", requests, commands);
    var apps = await Measure.PageAsync(portal, kim, "/apps", Math.Max(100, requests / 4), commands);
    var profile = await Measure.PageAsync(portal, kim, "/me", Math.Max(100, requests / 4), commands);
    var launcherRead = await ServiceCost.LauncherReadAsync(portal.Services, Math.Max(100, requests / 4));

    Console.WriteLine($"### Home page (issue #15), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, SQLite, in-process");
    Console.WriteLine();
    Console.WriteLine($"- Person: {DemoAccounts.KimMinsu.Uid}; {seeded}");
    Console.WriteLine($"- Load average at the end (other processes on the machine): {LoadAverage()}");
    Console.WriteLine("- CPU ms / request: the whole bench process's CPU time (client, server, background services, GC) over the requests; insensitive to waiting for a core.");
    Console.WriteLine();
    Console.WriteLine("| Page | Requests | Server p50 ms | p90 ms | p99 ms | mean ms | Round trip p50 ms | CPU ms / request | HTML bytes | SQL commands / request | Budget |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    Console.WriteLine(home.Row("/ (home)", "≤ 10 ms server, ≤ 40 KB"));
    Console.WriteLine(apps.Row("/apps (catalogue)", "(reference)"));
    Console.WriteLine(profile.Row("/me (profile: the pipeline and layout alone)", "(reference)"));
    Console.WriteLine();
    Console.WriteLine("- " + launcherRead);
}
finally
{
    await directory.DisposeAsync();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
