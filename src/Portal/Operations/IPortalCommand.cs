namespace GatewayPortal.Portal.Operations;

/// <summary>
/// One verb of the operator command line (<c>dotnet GatewayPortal.Portal.dll &lt;verb&gt; …</c>): runs with the node's own
/// configuration and services, without starting the web server or the background jobs, and exits. Every verb is built to
/// list the commands, so a verb takes only <see cref="IServiceProvider"/> (or nothing) and resolves what it needs when it runs.
/// </summary>
public interface IPortalCommand
{
    /// <summary>The verb as typed, lower case (<c>migrate</c>, <c>keys</c>, …).</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The usage text (<c>help &lt;verb&gt;</c> prints it), one line per form.</summary>
    string Usage { get; }

    /// <summary>Runs the verb; returns the process exit code (<see cref="PortalCommandExit"/>).</summary>
    Task<int> RunAsync(PortalCommandContext context, CancellationToken cancellationToken);
}
