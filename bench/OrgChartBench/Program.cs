// Issue #15 (4): the org chart on a large directory, measured for bench/RESULTS.md.
//
//   dotnet run -c Release --project bench/OrgChartBench -- [users] [samples]     (defaults 50000 and 200; needs slapd)
//
// Generates the organisation with OrgGen (50,000 people: ~3,000 ou entries), loads it into a private slapd (ldapadd,
// as the tests do), then measures
//   the cache load         IOrgChart.RefreshAsync (the paged ou-tree and people reads plus building the snapshot)
//   the cache's memory     managed heap held by one snapshot (GC.GetTotalMemory before and after, full collections)
//   page renders           GET through the in-process portal (TestServer: no sockets, so the time is the server's)
//                          for a team, a division (과), a bureau (국), the chart, the chart opened at a team, a search.
using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Bench.OrgChartBench;
using GatewayPortal.Identity.OrgChart;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore" })
{
    Environment.SetEnvironmentVariable("Logging__LogLevel__" + category, "Critical");
}

Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var users = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var clock = Stopwatch.StartNew();
var organization = OrganizationGenerator.Generate(users);
var ldif = Path.Combine(Path.GetTempPath(), $"gatewayportal-orgbench-{Environment.ProcessId}.ldif");
LdifWriter.WriteFile(organization, ldif);
Console.WriteLine($"OrgGen: {organization.People.Count:N0} people, {organization.Units.Count:N0} ou entries in {clock.ElapsedMilliseconds:N0} ms");
clock.Restart();
await using var slapd = await SlapdServer.StartNewAsync(ldif);
File.Delete(ldif);
Console.WriteLine($"slapd loaded (ldapadd) in {clock.Elapsed.TotalSeconds:F0} s");

// The portal's configuration helper needs a started fixture; its own 2,000-person server is not used.
var fixture = new SlapdFixture();
await fixture.InitializeAsync();
try
{
    var samples = new TimingSamples();
    var values = fixture.CreateDirectoryConfiguration([slapd.Url]);
    await CacheLoad.MeasureAsync(values, samples, memory => Console.WriteLine($"snapshot memory: {memory / 1024.0 / 1024.0:F1} MiB"));

    await using var portal = new PortalApplicationFactory(fixture, new Dictionary<string, string?> { ["Directory:Servers:0"] = slapd.Url });
    await PageRenders.MeasureAsync(portal, organization, count, samples);
    samples.Print(Console.Out);
}
finally
{
    await fixture.DisposeAsync();
}
