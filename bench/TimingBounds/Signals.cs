using System.Diagnostics;
using System.Globalization;

namespace GatewayPortal.Bench.TimingBounds;

/// <summary>Sends a POSIX signal (STOP, CONT) to a process with kill(1).</summary>
internal static class Signals
{
    public static async Task SendAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
