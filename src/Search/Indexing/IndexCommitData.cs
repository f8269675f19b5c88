namespace GatewayPortal.Search.Indexing;

/// <summary>Keys and values written into each commit's user data.</summary>
internal static class IndexCommitData
{
    /// <summary>Bump whenever fields or analysis change: older indexes are then rebuilt.</summary>
    public const string SchemaVersion = "5";
    public const string SchemaKey = "gatewayportal.schema";
    public const string CompleteKey = "gatewayportal.complete";

    /// <summary>"1" only in the commit made when the index is closed; a process killed while it held the index left "0".</summary>
    public const string ClosedKey = "gatewayportal.closed";

    public static Dictionary<string, string> Create(bool complete, bool closed = false) => new(StringComparer.Ordinal)
    {
        [SchemaKey] = SchemaVersion,
        [CompleteKey] = complete ? "1" : "0",
        [ClosedKey] = closed ? "1" : "0",
    };
}
