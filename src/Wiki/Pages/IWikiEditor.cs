using GatewayPortal.Wiki.Access;

namespace GatewayPortal.Wiki.Pages;

/// <summary>Writes page content: saves (with automatic three-way merge) and reverts.</summary>
public interface IWikiEditor
{
    /// <summary>
    /// Saves an edit. Page, revision, link table and the actor's draft are updated in one transaction. When the page moved on
    /// since <see cref="WikiSaveRequest.BaseRevisionId"/>, the edit is merged with the newer revisions or refused as a conflict.
    /// </summary>
    Task<WikiSaveResult> SaveAsync(WikiSaveRequest request, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>Restores the text of <paramref name="revisionId"/> as a new revision with an automatic summary.</summary>
    Task<WikiSaveResult> RevertAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default);
}
