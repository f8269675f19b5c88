namespace GatewayPortal.Data.Schema;

/// <summary>How a database's schema stands against a release's (<see cref="SchemaCheck"/>).</summary>
public enum SchemaState
{
    /// <summary>Every migration the release knows is applied and the database is not newer: the node runs.</summary>
    Current,

    /// <summary>Migrations are pending: the release must migrate before it runs.</summary>
    Behind,

    /// <summary>A newer release expanded the schema and this release's code still runs on it (a rolling upgrade).</summary>
    NewerCompatible,

    /// <summary>The schema is newer than this release can run on (contracted past it, or migrations it does not know).</summary>
    NewerIncompatible,
}
