namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>The file formats of registry export and import.</summary>
public enum ApplicationImportFormat
{
    /// <summary>The catalogue file's shape: <c>{"applications": [...]}</c>.</summary>
    Json,

    /// <summary>One row per application after a header row of catalogue field names; list fields joined with <c>;</c>.</summary>
    Csv,
}
