using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GatewayPortal.Bench.LoadKit;

/// <summary>The figures of one measured window, and their text and markdown forms.</summary>
public sealed record LoadResult(
    string Label, int Concurrency, TimeSpan Window, IReadOnlyList<Sample> Samples, IReadOnlyDictionary<string, TimeSpan> CpuByProcess)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly Lazy<long[]> _sorted = new(() => [.. Samples.Where(s => s.Succeeded).Select(s => s.LatencyTicks).Order()]);

    /// <summary>Start of the measured window (Stopwatch ticks); attempts that ended in [start, end] count.</summary>
    public long WindowStartTicks { get; init; }

    /// <summary>End of the measured window (Stopwatch ticks).</summary>
    public long WindowEndTicks { get; init; }

    public int Succeeded => Samples.Count(s => s.Succeeded);

    /// <summary>Successful attempts per second of the window.</summary>
    public double PerSecond => Succeeded / Window.TotalSeconds;

    public double AttemptsPerSecond => Samples.Count / Window.TotalSeconds;

    /// <summary>Mean response bytes of the successful attempts (as the tool counted them).</summary>
    public double MeanBytes => Succeeded == 0 ? double.NaN : Samples.Where(s => s.Succeeded).Average(s => (double)s.Bytes);

    /// <summary>Share of the machine (all cores) used by processes other than the watched ones and the load generator.</summary>
    public double OtherPercent => CpuByProcess.TryGetValue("other", out var other) ? Share(other) : 0;

    public IReadOnlyDictionary<string, int> Errors =>
        Samples.Where(s => !s.Succeeded).GroupBy(s => s.Outcome, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Latency percentile in milliseconds over successful attempts (nearest rank).</summary>
    public double Percentile(double p)
    {
        var sorted = _sorted.Value;
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return Milliseconds(sorted[Math.Clamp(rank, 0, sorted.Length - 1)]);
    }

    /// <summary>
    /// <c>| label | concurrency | per second | p50 | p90 | p99 | max | OK | [KiB per response |] errors | CPU |</c>
    /// </summary>
    public string TableRow(bool withBytes = false)
    {
        var errors = Errors.Count == 0 ? "0" : string.Join("; ", Errors.Select(e => $"{e.Value} × {e.Key}"));
        var cpu = string.Join(", ", CpuByProcess.Select(c => $"{c.Key} {Share(c.Value):0}%"));
        var bytes = withBytes ? string.Format(Invariant, " {0:0.0} |", MeanBytes / 1024) : "";
        return string.Format(Invariant, "| {0} | {1} | {2:0} | {3:0.0} | {4:0.0} | {5:0.0} | {6:0.0} | {7} |{8} {9} | {10} |",
            Label, Concurrency, PerSecond, Percentile(50), Percentile(90), Percentile(99), Percentile(100), Succeeded, bytes, errors, cpu);
    }

    /// <summary>A few lines of plain text; <paramref name="unit"/> names what one successful attempt is ("sign-ins").</summary>
    public string Describe(string unit = "sign-ins")
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"{Label}: {Samples.Count} attempts in {Window.TotalSeconds:0.0} s, {Succeeded} ok");
        text.AppendLine(Invariant, $"  {unit}/s {PerSecond:0.0} (attempts/s {AttemptsPerSecond:0.0})");
        text.AppendLine(Invariant, $"  latency ms  p50 {Percentile(50):0.0}  p90 {Percentile(90):0.0}  p99 {Percentile(99):0.0}  max {Percentile(100):0.0}");
        if (Samples.Any(s => s.Bytes > 0))
        {
            text.AppendLine(Invariant, $"  response   {MeanBytes:0} bytes on average");
        }

        foreach (var (outcome, count) in Errors)
        {
            text.AppendLine(Invariant, $"  error  {count} × {outcome}");
        }

        foreach (var (name, cpu) in CpuByProcess)
        {
            text.AppendLine(Invariant, $"  cpu    {name,-10} {cpu.TotalSeconds:0.0} s = {Share(cpu):0}% of {Environment.ProcessorCount} cores");
        }

        if (Succeeded > 0)
        {
            var perOk = string.Join(", ", CpuByProcess.Where(c => c.Key != "idle")
                .Select(c => string.Format(Invariant, "{0} {1:0.000}", c.Key, c.Value.TotalMilliseconds / Succeeded)));
            text.AppendLine(Invariant, $"  cpu ms per ok attempt: {perOk}");
        }

        return text.ToString();
    }

    private double Share(TimeSpan cpu) => 100 * cpu.TotalSeconds / (Window.TotalSeconds * Environment.ProcessorCount);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
