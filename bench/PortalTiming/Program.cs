// The wall-clock targets of the search and wiki tests (issue #14, section 4), measured instead of asserted: the tests
// now check that the change arrives, this program times how soon, for bench/RESULTS.md.
//
//   dotnet run -c Release --project bench/PortalTiming -- [samples]     (default 20; needs slapd and PostgreSQL, scripts/deps.sh)
//
// It reuses the integration tests' hosts: two portal nodes on one private PostgreSQL (TwoNodes, as ClusterSearchTests)
// and one portal on SQLite (SharedPortal, as SearchPageTests and WikiWriteLockTests), against a private slapd.
//   wiki edit / delete, application rename A → B   from node A's answer to node B's first search that shows it (was: ≤ 2 s)
//   wiki save → searchable, one node               from the save's answer to the first search that finds it (was: ≤ 2 s)
//   write lock per transaction                     an ordinary save and creating a page with the most links (was: < 1 s; goal 50 ms)
using System.Globalization;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Bench.PortalTiming;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Production;
using GatewayPortal.Testing;

// The hosts log to the console: keep it for the table (environment variables override the portal's appsettings.json).
foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore" })
{
    Environment.SetEnvironmentVariable("Logging__LogLevel__" + category, "Critical");
}

// WebApplicationFactory reads the portal's content root from MvcTestingAppManifest.json in the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var samples = new TimingSamples();
var directory = new SlapdFixture();
var postgres = new PostgresFixture();
await directory.InitializeAsync();
await postgres.InitializeAsync();
try
{
    await using (var nodes = new TwoNodes(directory, postgres))
    {
        await Propagation.MeasureAsync(nodes, count, samples);
    }

    await using (var portal = new SharedPortal(directory))
    {
        await SingleNode.MeasureAsync(portal, count, samples);
        await WriteLockHold.MeasureAsync(portal, count, samples);
    }
}
finally
{
    await postgres.DisposeAsync();
    await directory.DisposeAsync();
}

samples.Print(Console.Out);
