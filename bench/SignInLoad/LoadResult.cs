using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GatewayPortal.Bench.SignInLoad;

/// <summary>The figures of one measured window, and their text and markdown forms.</summary>
internal sealed record LoadResult(
    string Label, int Concurrency, TimeSpan Window, IReadOnlyList<Sample> Samples, IReadOnlyDictionary<string, TimeSpan> CpuByProcess)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public int Succeeded => Samples.Count(s => s.Succeeded);

    public double SignInsPerSecond => Succeeded / Window.TotalSeconds;

    public double AttemptsPerSecond => Samples.Count / Window.TotalSeconds;

    public IReadOnlyDictionary<string, int> Errors =>
        Samples.Where(s => !s.Succeeded).GroupBy(s => s.Outcome, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Latency percentile in milliseconds over successful sign-ins (nearest rank).</summary>
    public double Percentile(double p)
    {
        var sorted = Sorted.Value;
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return Milliseconds(sorted[Math.Clamp(rank, 0, sorted.Length - 1)]);
    }

    public string TableRow()
    {
        var errors = Errors.Count == 0 ? "0" : string.Join("; ", Errors.Select(e => $"{e.Value} × {e.Key}"));
        var cpu = string.Join(", ", CpuByProcess.Select(c => $"{c.Key} {Share(c.Value):0}%"));
        return string.Format(Invariant, "| {0} | {1} | {2:0} | {3:0.0} | {4:0.0} | {5:0.0} | {6:0.0} | {7} | {8} | {9} |",
            Label, Concurrency, SignInsPerSecond, Percentile(50), Percentile(90), Percentile(99), Percentile(100), Succeeded, errors, cpu);
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"{Label}: {Samples.Count} attempts in {Window.TotalSeconds:0.0} s, {Succeeded} signed in");
        text.AppendLine(Invariant, $"  sign-ins/s {SignInsPerSecond:0.0} (attempts/s {AttemptsPerSecond:0.0})");
        text.AppendLine(Invariant, $"  latency ms  p50 {Percentile(50):0.0}  p90 {Percentile(90):0.0}  p99 {Percentile(99):0.0}  max {Percentile(100):0.0}");
        foreach (var (outcome, count) in Errors)
        {
            text.AppendLine(Invariant, $"  error  {count} × {outcome}");
        }

        foreach (var (name, cpu) in CpuByProcess)
        {
            text.AppendLine(Invariant, $"  cpu    {name,-10} {cpu.TotalSeconds:0.0} s = {Share(cpu):0}% of {Environment.ProcessorCount} cores");
        }

        return text.ToString();
    }

    private Lazy<long[]> Sorted => new(() => [.. Samples.Where(s => s.Succeeded).Select(s => s.LatencyTicks).Order()]);

    private double Share(TimeSpan cpu) => 100 * cpu.TotalSeconds / (Window.TotalSeconds * Environment.ProcessorCount);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
