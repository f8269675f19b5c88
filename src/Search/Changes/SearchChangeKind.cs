namespace GatewayPortal.Search.Changes;

/// <summary>What happened to a document named in the search change feed.</summary>
public enum SearchChangeKind
{
    /// <summary>The document was added or changed: re-read it from the database.</summary>
    Upsert,

    /// <summary>The document is gone: remove it from the index.</summary>
    Delete,
}
