namespace GatewayPortal.Data.Schema;

/// <summary>A schema version with the oldest schema version whose code runs on it (a release's, or what a database records).</summary>
/// <param name="Version">The schema version.</param>
/// <param name="MinCompatibleVersion">The oldest release schema version that runs on it.</param>
public sealed record SchemaRelease(int Version, int MinCompatibleVersion)
{
    /// <summary>This binary's schema (<see cref="PortalSchema"/>).</summary>
    public static SchemaRelease Current { get; } = new(PortalSchema.Version, PortalSchema.MinCompatibleVersion);
}
