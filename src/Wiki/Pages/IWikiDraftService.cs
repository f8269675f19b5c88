using GatewayPortal.Wiki.Access;

namespace GatewayPortal.Wiki.Pages;

/// <summary>Per-user unsaved edits, one per title. A successful save removes the author's draft of that title.</summary>
public interface IWikiDraftService
{
    /// <summary>Creates or replaces the actor's draft; false when the title is invalid or the text is over the size limit.</summary>
    Task<bool> SaveDraftAsync(string space, string title, string text, long? baseRevisionId, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>The actor's draft of the title, if any.</summary>
    Task<WikiDraftView?> GetDraftAsync(string space, string title, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>Discards the actor's draft of the title.</summary>
    Task DeleteDraftAsync(string space, string title, WikiActor actor, CancellationToken cancellationToken = default);
}
