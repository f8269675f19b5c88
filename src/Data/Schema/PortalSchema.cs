namespace GatewayPortal.Data.Schema;

/// <summary>
/// This release's schema version and the oldest schema version its code can run on (docs/adr/0010). Raise
/// <see cref="Version"/> with every release that adds a migration; raise <see cref="MinCompatibleVersion"/> to the
/// release's own version only when a migration contracts (drops or renames what an older release still reads or writes).
/// </summary>
public static class PortalSchema
{
    /// <summary>The schema version this release's migrations produce.</summary>
    public const int Version = 1;

    /// <summary>The oldest release schema version whose code still runs on this release's schema (expand-only since then).</summary>
    public const int MinCompatibleVersion = 1;
}
