using GatewayPortal.Identity.Audit;

namespace GatewayPortal.Portal.Operations;

/// <summary>
/// The operator command line in the administrators' audit trail: its changes are recorded like the admin pages', with
/// the operating-system account that ran the command as the actor.
/// </summary>
public static class CommandLineAudit
{
    /// <summary>The actor of a change made from the command line: <c>command-line</c>, with the account and machine.</summary>
    public static AdminAuditActor Actor { get; } =
        new("command-line", $"command line ({Environment.UserName}@{Environment.MachineName})", null);

    /// <summary>Writes the row (its own transaction, after the change committed) and its log event.</summary>
    public static async Task RecordAsync(PortalCommandContext context, AdminAuditEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = context.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAdminAuditTrail>().RecordAsync(change, cancellationToken);
    }

    /// <summary>Names the command line as the actor of every change in this process (the host has no signed-in person).</summary>
    public sealed class ActorSource : IAdminAuditActorSource
    {
        /// <inheritdoc/>
        public AdminAuditActor Current => Actor;
    }
}
