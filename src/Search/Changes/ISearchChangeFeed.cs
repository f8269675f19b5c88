namespace GatewayPortal.Search.Changes;

/// <summary>
/// The cluster's search change feed: each node's index is local, so a node that changes a searchable document
/// applies the change to its own index and publishes it here; the other nodes apply it within about a second.
/// </summary>
public interface ISearchChangeFeed
{
    /// <summary>
    /// Records that a document changed; this node already applied it. <paramref name="source"/> is a search source
    /// (wiki, app, web), <paramref name="key"/> the source's key of the document ("*" for the whole source).
    /// </summary>
    Task PublishAsync(string source, string key, SearchChangeKind kind, CancellationToken cancellationToken);
}
