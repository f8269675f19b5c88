using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Cluster;

/// <summary>This node's name: configured, or the machine name and process id (unique per host within one process).</summary>
public sealed partial class ClusterNode
{
    /// <summary>Letters, digits, '.', '-' and '_'; 1 to 100 characters.</summary>
    public const string NamePattern = "^[A-Za-z0-9._-]{1,100}$";

    private static int _hostsInProcess;

    /// <summary>Resolves the name from the options.</summary>
    public ClusterNode(IOptions<ClusterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = options.Value.NodeName is { Length: > 0 } configured ? configured : DefaultName(Interlocked.Increment(ref _hostsInProcess));
    }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>Machine name and process id; a second host in the same process (tests) gets a suffix.</summary>
    internal static string DefaultName(int hostInProcess)
    {
        var machine = InvalidCharacters().Replace(Environment.MachineName, "-");
        var process = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var suffix = hostInProcess > 1 ? "-" + hostInProcess.ToString(CultureInfo.InvariantCulture) : "";
        var name = machine[..Math.Min(machine.Length, 100 - process.Length - 1 - suffix.Length)] + "-" + process + suffix;
        return name;
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex InvalidCharacters();
}
