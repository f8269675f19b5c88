namespace GatewayPortal.Search.Indexing;

/// <summary>Keys and values written into each commit's user data.</summary>
internal static class IndexCommitData
{
    /// <summary>Bump whenever fields or analysis change: older indexes are then rebuilt.</summary>
    public const string SchemaVersion = "1";
    public const string SchemaKey = "gatewayportal.schema";
    public const string CompleteKey = "gatewayportal.complete";

    public static Dictionary<string, string> Create(bool complete) => new(StringComparer.Ordinal)
    {
        [SchemaKey] = SchemaVersion,
        [CompleteKey] = complete ? "1" : "0",
    };
}
