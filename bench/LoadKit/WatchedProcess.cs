using System.Diagnostics;
using System.Globalization;

namespace GatewayPortal.Bench.LoadKit;

/// <summary>Another process (portal, slapd) whose CPU time is sampled around the measured window.</summary>
public sealed record WatchedProcess(string Name, int Pid)
{
    /// <summary>Parses <c>portal=123,slapd=456</c>.</summary>
    public static IReadOnlyList<WatchedProcess> ParseList(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];

    /// <summary>The process's user + system CPU time so far, or null when it is gone.</summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            using var process = Process.GetProcessById(Pid);
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static WatchedProcess Parse(string item)
    {
        var parts = item.Split('=', 2);
        return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? new WatchedProcess(parts[0], pid)
            : throw new ArgumentException($"--watch expects name=pid, got '{item}'");
    }
}
