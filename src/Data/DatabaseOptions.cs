using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Data;

/// <summary>Where the portal keeps its data.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Database";

    /// <summary>Sqlite (default) or PostgreSql.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. For SQLite a relative <c>Data Source</c> is resolved against the
    /// content root; its folder is created when missing.
    /// </summary>
    [Required(ErrorMessage = "Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "Data Source=data/portal.db";
}
