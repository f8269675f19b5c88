using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;

namespace GatewayPortal.Portal.Search;

/// <summary>Decorates the wiki editor: a saved or reverted page is re-indexed at once, here and (through the change feed) on every node.</summary>
public sealed class IndexingWikiEditor(IWikiEditor inner, WikiSearchUpdater updater, CrashAfterCommit crash) : IWikiEditor
{
    /// <inheritdoc/>
    public async Task<WikiSaveResult> SaveAsync(WikiSaveRequest request, WikiActor actor, CancellationToken cancellationToken = default) =>
        await IndexAsync(await inner.SaveAsync(request, actor, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<WikiSaveResult> RevertAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default) =>
        await IndexAsync(await inner.RevertAsync(revisionId, actor, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<WikiSaveResult> IndexAsync(WikiSaveResult result, CancellationToken cancellationToken)
    {
        var saved = result switch
        {
            WikiSaveResult.Saved s => s.Revision,
            WikiSaveResult.Merged m => m.Revision,
            _ => null,
        };
        if (saved is not null)
        {
            crash.AfterWikiSave();

            // The save is committed; the updater logs rather than throws, so indexing never turns it into an error.
            await updater.UpdateAsync(saved.PageId, CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }
}
