using GatewayPortal.Search.Storage;

namespace GatewayPortal.Search.Changes;

/// <summary>
/// The cluster's search change feed, written as an outbox: each node's index is local, so a change to a searchable
/// document adds a feed row to the same <c>SaveChanges</c> (and transaction) as the data; the node applies the change to
/// its own index right after the commit, the other nodes' followers within about a second. A node that dies in between
/// loses nothing: the row committed with the data.
/// </summary>
public interface ISearchChangeFeed
{
    /// <summary>
    /// Adds a feed row to <paramref name="db"/>, written by its next <c>SaveChanges</c>. <paramref name="source"/> is a
    /// search source (wiki, app, web), <paramref name="key"/> the source's key of the document ("*" for the whole source).
    /// </summary>
    void Add(ISearchDbContext db, string source, string key, SearchChangeKind kind);
}
