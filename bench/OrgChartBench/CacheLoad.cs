using System.Diagnostics;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Identity.OrgChart;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Bench.OrgChartBench;

/// <summary>Times IOrgChart.RefreshAsync against the large directory and the memory one snapshot holds.</summary>
internal static class CacheLoad
{
    public static async Task MeasureAsync(Dictionary<string, string?> values, TimingSamples samples, Action<long> reportMemory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        await using var provider = new ServiceCollection().AddPortalDirectory(configuration).AddPortalOrgChart(configuration).BuildServiceProvider();
        var chart = provider.GetRequiredService<IOrgChart>();

        // The first reading (cold connections and JIT) is reported on its own; then five more.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var snapshot = await chart.RefreshAsync();
        samples.Add("cache load, first (cold)", "-", clock.Elapsed);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"snapshot: {snapshot.DepartmentCount:N0} departments, {snapshot.PeopleCount:N0} people ({snapshot.Source})");
        reportMemory(after - before);
        GC.KeepAlive(snapshot);
        for (var i = 0; i < 5; i++)
        {
            clock.Restart();
            await chart.RefreshAsync();
            samples.Add("cache load (paged LDAP read + build)", "background", clock.Elapsed);
        }
    }
}
