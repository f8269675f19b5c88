using System.Diagnostics;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>Runs the query mix for a number of rounds after warm-up rounds (so the JIT has tiered up) and keeps every sample.</summary>
internal static class Latency
{
    private const int WarmUpRounds = 3;

    /// <param name="queries">The mix.</param>
    /// <param name="rounds">Measured rounds.</param>
    /// <param name="run">Runs one query and returns the number of matching documents the user may see.</param>
    public static LatencySummary Measure(IReadOnlyList<string> queries, int rounds, Func<string, int> run)
    {
        var matches = new int[queries.Count];
        for (var round = 0; round < WarmUpRounds; round++)
        {
            for (var q = 0; q < queries.Count; q++)
            {
                matches[q] = run(queries[q]);
            }
        }

        var samples = new List<double>(queries.Count * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                var started = Stopwatch.GetTimestamp();
                run(query);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        samples.Sort();
        return new LatencySummary(Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Count, matches);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Percentiles in milliseconds, the sample count and the visible matches of each query.</summary>
internal sealed record LatencySummary(double P50, double P99, int Samples, IReadOnlyList<int> Matches)
{
    public long HitsPerRound => Matches.Sum(m => (long)m);

    public double MeanMatches => Matches.Count == 0 ? 0 : Matches.Average();

    public int MaxMatches => Matches.Count == 0 ? 0 : Matches.Max();
}
