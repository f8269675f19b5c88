using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;

namespace GatewayPortal.Wiki.Watch;

/// <summary>
/// Editing a person's watch list with explicit outcomes (beside <see cref="IWikiWatchList"/>, whose toggle answers only
/// yes or no): forms post the state they want, so a form sent twice does not undo itself.
/// </summary>
public interface IWikiWatchPages
{
    /// <summary>
    /// Starts (<paramref name="watch"/> true) or stops watching a page. Starting needs a live page the actor may read and
    /// room under <see cref="WikiOptions.MaxWatchedPages"/>; stopping works on any existing page, so a page that became
    /// unreadable can still be dropped.
    /// </summary>
    Task<WikiWatchResult> SetWatchingAsync(WikiActor actor, long pageId, bool watch, CancellationToken cancellationToken = default);

    /// <summary>The live pages the actor watches and may read, by space and title (at most <see cref="WikiOptions.MaxWatchedPages"/>).</summary>
    Task<IReadOnlyList<WikiPageRef>> GetWatchedPagesAsync(WikiActor actor, CancellationToken cancellationToken = default);
}
