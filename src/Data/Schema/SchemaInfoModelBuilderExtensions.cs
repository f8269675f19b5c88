using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Data.Schema;

/// <summary>Maps <c>schema_info</c>, and the SQL that records a release's schema version in it.</summary>
public static class SchemaInfoModelBuilderExtensions
{
    /// <summary>The table's name.</summary>
    public const string TableName = "schema_info";

    /// <summary>Adds the <c>schema_info</c> table (one row).</summary>
    public static ModelBuilder ApplySchemaInfoModel(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<SchemaInfoRow>(entity =>
        {
            entity.ToTable(TableName);
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Id).ValueGeneratedNever();
            entity.Property(e => e.LastMigration).HasMaxLength(150);
        });

        return builder;
    }

    /// <summary>
    /// SQL (the same on SQLite and PostgreSQL) that records <paramref name="release"/> as the database's schema, unless the
    /// database already records a newer one: a release never lowers the version a newer release wrote.
    /// </summary>
    public static string RecordSql(SchemaRelease release, string lastMigration)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(lastMigration);
        var migration = lastMigration.Replace("'", "''", StringComparison.Ordinal);
        return FormattableString.Invariant($"""
            INSERT INTO "{TableName}" ("Id", "Version", "MinCompatibleVersion", "LastMigration", "UpdatedUtc")
            VALUES ({SchemaInfoRow.SingleRowId}, {release.Version}, {release.MinCompatibleVersion}, '{migration}', CURRENT_TIMESTAMP)
            ON CONFLICT ("Id") DO UPDATE SET "Version" = excluded."Version", "MinCompatibleVersion" = excluded."MinCompatibleVersion",
                "LastMigration" = excluded."LastMigration", "UpdatedUtc" = excluded."UpdatedUtc"
            WHERE "{TableName}"."Version" <= excluded."Version";
            """);
    }
}
