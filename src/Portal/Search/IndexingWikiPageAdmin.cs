using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;

namespace GatewayPortal.Portal.Search;

/// <summary>Decorates the wiki's page administration: moved, deleted and restored pages and changed permissions are re-indexed at once, on every node.</summary>
public sealed class IndexingWikiPageAdmin(IWikiPageAdmin inner, WikiSearchUpdater updater) : IWikiPageAdmin
{
    /// <inheritdoc/>
    public Task<WikiAdminResult> MoveAsync(long pageId, string newSpace, string newTitle, bool leaveRedirect, WikiActor actor, CancellationToken cancellationToken = default) =>
        IndexAsync(pageId, inner.MoveAsync(pageId, newSpace, newTitle, leaveRedirect, actor, cancellationToken));

    /// <inheritdoc/>
    public Task<WikiAdminResult> DeleteAsync(long pageId, WikiActor actor, CancellationToken cancellationToken = default) =>
        IndexAsync(pageId, inner.DeleteAsync(pageId, actor, cancellationToken));

    /// <inheritdoc/>
    public Task<WikiAdminResult> RestoreAsync(long pageId, WikiActor actor, CancellationToken cancellationToken = default) =>
        IndexAsync(pageId, inner.RestoreAsync(pageId, actor, cancellationToken));

    /// <inheritdoc/>
    public Task<WikiAdminResult> SetProtectedAsync(long pageId, bool isProtected, WikiActor actor, CancellationToken cancellationToken = default) =>
        inner.SetProtectedAsync(pageId, isProtected, actor, cancellationToken);

    /// <inheritdoc/>
    public Task<WikiPagePermissions?> GetPermissionsAsync(long pageId, WikiActor actor, CancellationToken cancellationToken = default) =>
        inner.GetPermissionsAsync(pageId, actor, cancellationToken);

    /// <inheritdoc/>
    public Task<WikiAdminResult> SetPermissionsAsync(long pageId, WikiPagePermissions permissions, WikiActor actor, CancellationToken cancellationToken = default) =>
        IndexAsync(pageId, inner.SetPermissionsAsync(pageId, permissions, actor, cancellationToken));

    private async Task<WikiAdminResult> IndexAsync(long pageId, Task<WikiAdminResult> action)
    {
        var result = await action.ConfigureAwait(false);
        if (result == WikiAdminResult.Done)
        {
            await updater.UpdateAsync(pageId, CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }
}
