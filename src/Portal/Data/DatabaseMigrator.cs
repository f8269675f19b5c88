using GatewayPortal.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace GatewayPortal.Portal.Data;

/// <summary>
/// Reads where the database's schema stands against this release (<see cref="SchemaCheck"/>), applies pending migrations
/// and records the release's schema version in <c>schema_info</c>, or writes the SQL a DBA would run instead.
/// </summary>
public sealed partial class DatabaseMigrator(IDbContextFactory<PortalDbContext> contexts, SchemaRelease release, ILogger<DatabaseMigrator> logger)
{
    /// <summary>This release's schema version (a test may play another release outside Production).</summary>
    public SchemaRelease Release => release;

    /// <summary>Where the schema stands; reads the database and changes nothing.</summary>
    public async Task<SchemaCheck> CheckAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CheckAsync(db, cancellationToken);
    }

    /// <summary>The migrations the database has recorded, in order.</summary>
    public async Task<IReadOnlyList<string>> AppliedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken)];
    }

    /// <summary>
    /// Applies the pending migrations and records this release's schema version, unless the database is newer than this
    /// release (then nothing changes). Returns the check from before, whose <see cref="SchemaCheck.Pending"/> were applied.
    /// </summary>
    public async Task<SchemaCheck> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await UseWriteAheadLogAsync(db, cancellationToken);
        var check = await CheckAsync(db, cancellationToken);
        if (check.State is SchemaState.NewerCompatible or SchemaState.NewerIncompatible)
        {
            return check;
        }

        if (check.Pending.Count > 0)
        {
            LogMigrating(logger, check.Pending.Count, string.Join(", ", check.Pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (check.NeedsRecord || check.Pending.Count > 0)
        {
            var last = db.Database.GetMigrations().LastOrDefault() ?? "";
            await db.Database.ExecuteSqlRawAsync(SchemaInfoModelBuilderExtensions.RecordSql(release, last), cancellationToken);
        }

        return check;
    }

    /// <summary>
    /// The SQL that brings a database to this release (every migration from the start, or from the last one the database has
    /// applied) and records the schema version: idempotent on PostgreSQL (EF Core cannot make SQLite's so). Reads the
    /// database (unless from the start) and changes nothing.
    /// </summary>
    public async Task<string> ScriptAsync(bool fromStart, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var from = fromStart ? null : (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        // EF Core cannot make SQLite scripts idempotent: there the script starts exactly where this database stands.
        var sqlite = db.Database.IsSqlite();
        var script = db.GetService<IMigrator>().GenerateScript(
            from, null, sqlite ? MigrationsSqlGenerationOptions.Default : MigrationsSqlGenerationOptions.Idempotent);
        var last = db.Database.GetMigrations().LastOrDefault() ?? "";
        var header = sqlite ? $"-- SQLite: not idempotent; for a database {(from is null ? "without migrations" : "whose last migration is " + from)}.{Environment.NewLine}" : "";
        return header + script + Environment.NewLine + "-- Records this release's schema version (never lowers a newer one)." + Environment.NewLine
            + SchemaInfoModelBuilderExtensions.RecordSql(release, last) + Environment.NewLine;
    }

    private async Task<SchemaCheck> CheckAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var appliedSet = applied.ToHashSet(StringComparer.Ordinal);
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        var recorded = await ReadRecordAsync(db, cancellationToken);
        return SchemaCheck.Evaluate(
            release, recorded, [.. known.Where(m => !appliedSet.Contains(m))], [.. applied.Where(m => !knownSet.Contains(m))]);
    }

    private static async Task<SchemaRelease?> ReadRecordAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        // Before the migration that creates schema_info (a database from an older release, or an empty one) there is no table to read.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return null;
        }

        var exists = db.Database.IsSqlite()
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name = 'schema_info' AND table_schema = current_schema()";
        if (await db.Database.SqlQueryRaw<int>(exists).SingleAsync(cancellationToken) == 0)
        {
            return null;
        }

        var row = await db.SchemaInfo.AsNoTracking().SingleOrDefaultAsync(r => r.Id == SchemaInfoRow.SingleRowId, cancellationToken);
        return row is null ? null : new SchemaRelease(row.Version, row.MinCompatibleVersion);
    }

    private static async Task UseWriteAheadLogAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (admin pages) run while the audit writer commits; it stays set in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migrations: {Migrations}")]
    private static partial void LogMigrating(ILogger logger, int count, string migrations);
}
