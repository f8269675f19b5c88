using GatewayPortal.Wiki.Access;

namespace GatewayPortal.Wiki.Pages;

/// <summary>Read-side queries: pages, revisions, history, recent changes and backlinks, all filtered by read access.</summary>
public interface IWikiReader
{
    /// <summary>The current page at <paramref name="title"/> in <paramref name="space"/> (a <c>Space:</c> prefix in the title wins).</summary>
    Task<WikiPageLookup> GetPageAsync(string space, string title, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>One revision with its text; null when missing or not readable.</summary>
    Task<WikiRevisionView?> GetRevisionAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>A page's revisions, newest first; null when the page is missing or not readable.</summary>
    Task<PagedResult<WikiRevisionInfo>?> GetHistoryAsync(long pageId, WikiActor actor, long? before = null, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>Revisions of live pages, newest first.</summary>
    Task<PagedResult<RecentChange>> GetRecentChangesAsync(RecentChangesQuery query, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>Live pages whose current text links to <paramref name="title"/> ("what links here"), by page id.</summary>
    Task<PagedResult<WikiPageRef>> GetBacklinksAsync(string space, string title, WikiActor actor, long? after = null, int limit = 50, CancellationToken cancellationToken = default);
}
