using System.Diagnostics;
using System.Globalization;

namespace GatewayPortal.Bench.LoadKit;

/// <summary>
/// Another process (portal, slapd) whose CPU time is sampled around the measured window; with
/// <see cref="WithChildren"/>, its live children too (PostgreSQL's backends, nginx's workers).
/// </summary>
public sealed record WatchedProcess(string Name, int Pid, bool WithChildren = false)
{
    /// <summary>Parses <c>portal=123,slapd=456,postgres=789+</c> (a trailing + adds the children).</summary>
    public static IReadOnlyList<WatchedProcess> ParseList(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];

    /// <summary>The process's user + system CPU time so far, or null when it is gone.</summary>
    public TimeSpan? CpuTime()
    {
        if (WithChildren)
        {
            return TreeCpuTime();
        }

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
        var children = parts.Length == 2 && parts[1].EndsWith('+');
        var number = parts.Length == 2 ? parts[1].TrimEnd('+') : "";
        return parts.Length == 2 && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? new WatchedProcess(parts[0], pid, children)
            : throw new ArgumentException($"--watch expects name=pid or name=pid+, got '{item}'");
    }

    // Linux only: utime + stime of the process, the children it has waited for, and its live children (/proc/<pid>/stat,
    // in clock ticks of 1/100 s). A child that exits between two samples moves from "live" to "waited for": no loss.
    private TimeSpan? TreeCpuTime()
    {
        if (ReadStat(Pid) is not { } parent)
        {
            return null;
        }

        var ticks = parent.Own + parent.Children;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Pid && ReadStat(pid) is { } child && child.Parent == Pid)
            {
                ticks += child.Own;
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static (int Parent, long Own, long Children)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: fields are counted after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }
}
