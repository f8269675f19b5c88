namespace GatewayPortal.Data;

/// <summary>Which database engine holds the portal's data.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file (embedded default, one node).</summary>
    Sqlite,

    /// <summary>PostgreSQL (production, several nodes).</summary>
    PostgreSql,
}
