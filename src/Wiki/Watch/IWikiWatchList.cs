using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;

namespace GatewayPortal.Wiki.Watch;

/// <summary>A person's watch list (☆ on a wiki page) and the changes to pages they watch or wrote.</summary>
public interface IWikiWatchList
{
    /// <summary>True when the person watches the page.</summary>
    Task<bool> IsWatchingAsync(string subject, long pageId, CancellationToken cancellationToken = default);

    /// <summary>Starts or stops watching the page; returns true when the person now watches it.</summary>
    Task<bool> ToggleAsync(WikiActor actor, long pageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest changes by other people to pages the actor watches or has edited, one (the newest) per page,
    /// only pages the actor may read. Meant for every home page view: bounded, indexed queries.
    /// </summary>
    Task<IReadOnlyList<RecentChange>> GetChangesForAsync(WikiActor actor, int count, CancellationToken cancellationToken = default);
}
