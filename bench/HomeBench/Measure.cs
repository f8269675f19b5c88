using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;

namespace GatewayPortal.Bench.HomeBench;

/// <summary>Sequential GETs of one page: the server's time per request, the client's round trip, size and SQL commands.</summary>
internal static class Measure
{
    public static async Task<Result> PageAsync(HomeBenchPortal portal, PortalClient client, string path, int requests, CommandCounter commands)
    {
        // Warm-up: JIT, EF Core's compiled queries, the catalogue cache, SQLite's page cache.
        for (var i = 0; i < 100; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        portal.Timer.Samples.Clear();
        var roundTrips = new List<double>(requests);
        var bytes = 0;
        var before = commands.Count;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            roundTrips.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
        }

        process.Refresh();
        var cpuPerRequest = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / requests;
        var server = portal.Timer.Samples.Where(s => s.Path == path).Select(s => s.Milliseconds).Order().ToList();
        return new Result(requests, server, [.. roundTrips.Order()], bytes, (commands.Count - before) / (double)requests, cpuPerRequest);
    }

    internal sealed record Result(int Requests, List<double> Server, List<double> RoundTrips, int Bytes, double CommandsPerRequest, double CpuPerRequest)
    {
        public string Row(string page, string budget) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {page} | {Requests} | {P(Server, 0.5):F2} | {P(Server, 0.9):F2} | {P(Server, 0.99):F2} | {Server.Average():F2} | {P(RoundTrips, 0.5):F2} | {CpuPerRequest:F2} | {Bytes:N0} | {CommandsPerRequest:F1} | {budget} |");

        private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}
