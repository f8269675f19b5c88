namespace GatewayPortal.Search.Changes;

/// <summary>
/// One entry of the search change feed: a document to re-index or remove. Every node writes the changes it
/// makes and follows the feed (by <see cref="Id"/>), so an edit on one node is searchable on the others.
/// </summary>
public sealed class SearchChangeRow
{
    public long Id { get; set; }

    /// <summary>Search source of the document (wiki, app, person, web).</summary>
    public string Source { get; set; } = "";

    /// <summary>The source's own key of the document (a page id, a client id, a uid); "*" for the whole source.</summary>
    public string Key { get; set; } = "";

    /// <summary>Upsert or Delete (stored by name).</summary>
    public SearchChangeKind Kind { get; set; }

    /// <summary>Node that made the change (it applied it already).</summary>
    public string Node { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
