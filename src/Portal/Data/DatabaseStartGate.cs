using GatewayPortal.Data.Schema;
using GatewayPortal.Portal.Operations;

namespace GatewayPortal.Portal.Data;

/// <summary>
/// Runs before the node serves: migrates when <c>Database:MigrateAtStart</c> allows it (default: on outside Production),
/// and refuses to start, with one clear log message and exit code 3, on a schema the node cannot run on.
/// </summary>
public sealed partial class DatabaseStartGate(DatabaseMigrator migrator, IConfiguration configuration, IHostEnvironment environment, ILogger<DatabaseStartGate> logger)
{
    /// <summary>The setting's name.</summary>
    public const string MigrateAtStartSetting = "Database:MigrateAtStart";

    /// <summary>The command an operator runs to migrate.</summary>
    public const string MigrateCommand = "dotnet GatewayPortal.Portal.dll migrate";

    /// <summary>Prepares the database; returns 0 when the node may serve, else the exit code (the reason is logged).</summary>
    public async Task<int> PrepareAsync(CancellationToken cancellationToken = default)
    {
        if (!TryMigrateAtStart(configuration, environment, out var migrateAtStart, out var error))
        {
            LogRefused(logger, error);
            return PortalCommandExit.CheckFailed;
        }

        var check = migrateAtStart ? await migrator.MigrateAsync(cancellationToken) : await migrator.CheckAsync(cancellationToken);
        switch (check.State)
        {
            case SchemaState.NewerIncompatible:
                LogRefused(logger, check.Describe());
                return PortalCommandExit.CheckFailed;
            case SchemaState.NewerCompatible:
                LogNewerSchema(logger, check.Describe());
                return PortalCommandExit.Ok;
            case SchemaState.Behind when !migrateAtStart:
                LogRefused(logger, check.Describe() + $" {MigrateAtStartSetting} is off, so this node does not migrate: run `{MigrateCommand}` "
                    + "with this node's settings (or have a DBA run the SQL of `migrate --script`), then start the node.");
                return PortalCommandExit.CheckFailed;
            default:
                return PortalCommandExit.Ok;
        }
    }

    /// <summary>Reads <c>Database:MigrateAtStart</c>: true or false; unset means on outside Production, off in Production.</summary>
    public static bool TryMigrateAtStart(IConfiguration configuration, IHostEnvironment environment, out bool value, out string error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var text = configuration[MigrateAtStartSetting];
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            value = !environment.IsProduction();
            return true;
        }

        if (bool.TryParse(text.Trim(), out value))
        {
            return true;
        }

        error = $"{MigrateAtStartSetting} must be true or false, not '{text}'.";
        return false;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The node does not start. {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    private static partial void LogNewerSchema(ILogger logger, string reason);
}
