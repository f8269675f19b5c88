using System.Globalization;

namespace GatewayPortal.Bench.LoadKit;

/// <summary>Busy CPU time of the whole machine from <c>/proc/stat</c> (all cores, excluding idle and iowait).</summary>
public static class MachineCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan BusyTime()
    {
        if (!File.Exists("/proc/stat"))
        {
            return TimeSpan.Zero;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }
}
