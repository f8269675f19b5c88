namespace GatewayPortal.Portal.Operations;

/// <summary>What a verb gets: the node's services, its own arguments (after the verb) and where to write.</summary>
/// <param name="Services">The node's root services (create a scope for scoped ones).</param>
/// <param name="Arguments">The arguments after the verb.</param>
/// <param name="Out">Results (machine-readable where a script would read them).</param>
/// <param name="Error">Messages for the operator: what failed and what to do.</param>
public sealed record PortalCommandContext(IServiceProvider Services, IReadOnlyList<string> Arguments, TextWriter Out, TextWriter Error)
{
    /// <summary>Writes a usage error naming the verb's usage, and returns <see cref="PortalCommandExit.Usage"/>.</summary>
    public int UsageError(IPortalCommand command, string message)
    {
        ArgumentNullException.ThrowIfNull(command);
        Error.WriteLine($"{command.Name}: {message}");
        Error.WriteLine("usage:");
        foreach (var line in command.Usage.Split('\n'))
        {
            Error.WriteLine("  " + line.TrimEnd());
        }

        return PortalCommandExit.Usage;
    }
}
