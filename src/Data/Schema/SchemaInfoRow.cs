namespace GatewayPortal.Data.Schema;

/// <summary>
/// The one row of <c>schema_info</c>: which schema version the database is at and the oldest release's schema version
/// whose code still runs on it, written by the release that migrated it (<see cref="PortalSchema"/>).
/// </summary>
public sealed class SchemaInfoRow
{
    /// <summary>The row's key; always <see cref="SingleRowId"/>.</summary>
    public int Id { get; set; } = SingleRowId;

    /// <summary>The database's schema version.</summary>
    public int Version { get; set; }

    /// <summary>The oldest schema version a release may know and still run on this database.</summary>
    public int MinCompatibleVersion { get; set; }

    /// <summary>The last migration the writing release applied.</summary>
    public string LastMigration { get; set; } = "";

    /// <summary>When the row was written.</summary>
    public DateTime UpdatedUtc { get; set; }

    /// <summary>The key of the only row.</summary>
    public const int SingleRowId = 1;
}
