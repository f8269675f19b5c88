namespace GatewayPortal.Portal.Operations;

/// <summary>
/// Splits the process arguments into a verb with its own arguments and the host's arguments, and runs the verb.
/// <c>GatewayPortal.Portal.dll migrate --script</c> runs the verb <c>migrate</c>; anything after a lone <c>--</c>
/// goes to the host's configuration (<c>… migrate -- --Database:Provider=PostgreSql</c>). Without a verb (no
/// arguments, or the first starts with <c>-</c>), every argument is the host's and the portal serves as before.
/// </summary>
public sealed class PortalCommandLine
{
    private PortalCommandLine(string? verb, IReadOnlyList<string> verbArguments, string[] hostArguments)
    {
        Verb = verb;
        VerbArguments = verbArguments;
        HostArguments = hostArguments;
    }

    /// <summary>The verb, or null when the process should serve.</summary>
    public string? Verb { get; }

    /// <summary>The verb's own arguments.</summary>
    public IReadOnlyList<string> VerbArguments { get; }

    /// <summary>The arguments for <c>WebApplication.CreateBuilder</c>.</summary>
    public string[] HostArguments { get; }

    /// <summary>True when a verb was given.</summary>
    public bool IsCommand => Verb is not null;

    /// <summary>Parses the process arguments.</summary>
    public static PortalCommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return new PortalCommandLine(null, [], args);
        }

        var separator = Array.IndexOf(args, "--");
        var own = separator < 0 ? args[1..] : args[1..separator];
        var host = separator < 0 ? [] : args[(separator + 1)..];
        return new PortalCommandLine(args[0].ToLowerInvariant(), own, host);
    }

    /// <summary>Runs the verb with the node's services; unknown verbs and <c>help</c> print the list.</summary>
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var commands = services.GetServices<IPortalCommand>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (Verb is "help" or "--help" or "-h")
        {
            var about = VerbArguments.Count > 0 ? commands.Find(c => c.Name == VerbArguments[0]) : null;
            if (about is not null)
            {
                await output.WriteLineAsync($"{about.Name}: {about.Summary}");
                await output.WriteLineAsync(about.Usage);
            }
            else
            {
                await WriteListAsync(commands, output);
            }

            return PortalCommandExit.Ok;
        }

        var command = commands.Find(c => c.Name == Verb);
        if (command is null)
        {
            await error.WriteLineAsync($"unknown command '{Verb}'.");
            await WriteListAsync(commands, error);
            return PortalCommandExit.Usage;
        }

        return await command.RunAsync(new PortalCommandContext(services, VerbArguments, output, error), cancellationToken);
    }

    private static async Task WriteListAsync(IEnumerable<IPortalCommand> commands, TextWriter writer)
    {
        await writer.WriteLineAsync("usage: dotnet GatewayPortal.Portal.dll <command> [arguments] [-- host settings]");
        await writer.WriteLineAsync("commands (help <command> for details):");
        foreach (var command in commands)
        {
            await writer.WriteLineAsync($"  {command.Name,-12} {command.Summary}");
        }
    }
}
