using System.Globalization;

namespace GatewayPortal.Bench.LoadKit;

/// <summary>Durations by measurement, in the order first recorded, printed as a bench/RESULTS.md table.</summary>
public sealed class TimingSamples
{
    private readonly List<(string Name, string Target, List<double> Milliseconds)> _rows = [];

    /// <summary>Records one duration of <paramref name="name"/>, whose target is <paramref name="target"/>.</summary>
    public void Add(string name, string target, TimeSpan value)
    {
        var row = _rows.Find(r => r.Name == name);
        if (row.Name is null)
        {
            row = (name, target, []);
            _rows.Add(row);
        }

        row.Milliseconds.Add(value.TotalMilliseconds);
    }

    /// <summary>Writes one table row per measurement: n, median, p95 (nearest rank) and max.</summary>
    public void Print(TextWriter output)
    {
        output.WriteLine("| Measurement | Target | n | median ms | p95 ms | max ms |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (name, target, values) in _rows)
        {
            var sorted = values.Order().ToList();
            var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {target} | {sorted.Count} | {sorted[sorted.Count / 2]:F1} | {p95:F1} | {sorted[^1]:F1} |"));
        }
    }
}
