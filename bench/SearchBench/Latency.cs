using System.Diagnostics;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>Runs the query mix for a number of rounds after warm-up rounds (so the JIT has tiered up) and keeps every sample.</summary>
internal static class Latency
{
    private const int WarmUpRounds = 3;

    public static LatencySummary Measure(IReadOnlyList<string> queries, int rounds, Func<string, int> run)
    {
        foreach (var query in Enumerable.Repeat(queries, WarmUpRounds).SelectMany(q => q))
        {
            run(query);
        }

        var samples = new List<double>(queries.Count * rounds);
        var hits = 0L;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                var started = Stopwatch.GetTimestamp();
                hits += run(query);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        samples.Sort();
        return new LatencySummary(Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Count, hits / rounds);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Percentiles in milliseconds, the sample count and the visible hits summed over one round.</summary>
internal sealed record LatencySummary(double P50, double P99, int Samples, long HitsPerRound);
