using GatewayPortal.Data.Schema;
using GatewayPortal.Portal.Data;

namespace GatewayPortal.Portal.Operations;

/// <summary>
/// <c>migrate</c>: applies the pending migrations and records the schema version, then exits (nothing to do is success);
/// <c>migrate --script [--from-start]</c> prints the idempotent SQL for a DBA without changing the database;
/// <c>migrate --status</c> lists applied, pending and unknown migrations with both schema versions.
/// </summary>
public sealed class MigrateCommand(IServiceProvider services) : IPortalCommand
{
    // Resolved when the verb runs: listing the commands must not need the database's services.
    private DatabaseMigrator Migrator => services.GetRequiredService<DatabaseMigrator>();

    /// <inheritdoc/>
    public string Name => "migrate";

    /// <inheritdoc/>
    public string Summary => "apply pending database migrations (or print their SQL, or the schema status) and exit";

    /// <inheritdoc/>
    public string Usage => """
        migrate                        apply pending migrations, record the schema version, exit (0 also when nothing to do)
        migrate --script [--from-start] print idempotent SQL for a DBA (from the database's last migration, or from the start); changes nothing
        migrate --status               list applied, pending and unknown migrations and the schema versions (exit 3 when not runnable as is)
        """;

    /// <inheritdoc/>
    public async Task<int> RunAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        return args switch
        {
            [] => await ApplyAsync(context, cancellationToken),
            ["--status"] => await StatusAsync(context, cancellationToken),
            ["--script"] => await ScriptAsync(context, fromStart: false, cancellationToken),
            ["--script", "--from-start"] or ["--from-start", "--script"] => await ScriptAsync(context, fromStart: true, cancellationToken),
            _ => context.UsageError(this, $"unexpected argument(s): {string.Join(' ', args)}"),
        };
    }

    private async Task<int> ApplyAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        var check = await Migrator.MigrateAsync(cancellationToken);
        switch (check.State)
        {
            case SchemaState.NewerIncompatible:
                await context.Error.WriteLineAsync("migrate: nothing was changed. " + check.Describe());
                return PortalCommandExit.CheckFailed;
            case SchemaState.NewerCompatible:
                await context.Out.WriteLineAsync("nothing to migrate: " + check.Describe());
                return PortalCommandExit.Ok;
        }

        foreach (var migration in check.Pending)
        {
            await context.Out.WriteLineAsync("applied " + migration);
        }

        await context.Out.WriteLineAsync(check.Pending.Count == 0
            ? $"nothing to migrate: the database schema is current (schema version {check.ReleaseVersionText})."
            : $"schema version {check.ReleaseVersionText} recorded.");
        return PortalCommandExit.Ok;
    }

    private async Task<int> StatusAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        var check = await Migrator.CheckAsync(cancellationToken);
        var unknown = check.Unknown.ToHashSet(StringComparer.Ordinal);
        foreach (var migration in await Migrator.AppliedAsync(cancellationToken))
        {
            await context.Out.WriteLineAsync((unknown.Contains(migration) ? "unknown  " : "applied  ") + migration);
        }

        foreach (var migration in check.Pending)
        {
            await context.Out.WriteLineAsync("pending  " + migration);
        }

        await context.Out.WriteLineAsync("release schema version: " + check.ReleaseVersionText);
        await context.Out.WriteLineAsync("database schema version: " + check.DatabaseVersionText);
        await context.Out.WriteLineAsync("state: " + check.State);
        await context.Out.WriteLineAsync(check.Describe());
        return check.State is SchemaState.Current or SchemaState.NewerCompatible ? PortalCommandExit.Ok : PortalCommandExit.CheckFailed;
    }

    private async Task<int> ScriptAsync(PortalCommandContext context, bool fromStart, CancellationToken cancellationToken)
    {
        if (!fromStart && await Migrator.CheckAsync(cancellationToken) is { State: SchemaState.NewerCompatible or SchemaState.NewerIncompatible } newer)
        {
            await context.Error.WriteLineAsync("migrate: no script: " + newer.Describe());
            return PortalCommandExit.CheckFailed;
        }

        await context.Out.WriteAsync(await Migrator.ScriptAsync(fromStart, cancellationToken));
        return PortalCommandExit.Ok;
    }
}
