using GatewayPortal.Wiki.Access;

namespace GatewayPortal.Wiki.Pages;

/// <summary>Moves, soft deletes, restores and protects pages.</summary>
public interface IWikiPageAdmin
{
    /// <summary>
    /// Renames a page (anyone who may edit it). Its history moves with it; a minor revision records the move; its own links are
    /// re-resolved in the new space; with <paramref name="leaveRedirect"/> a redirect page takes the old title, so links to it keep working.
    /// </summary>
    Task<WikiAdminResult> MoveAsync(long pageId, string newSpace, string newTitle, bool leaveRedirect, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>Soft-deletes a page (administrators only). Its links turn red and it leaves recent changes and backlinks.</summary>
    Task<WikiAdminResult> DeleteAsync(long pageId, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>Restores a soft-deleted page (administrators only).</summary>
    Task<WikiAdminResult> RestoreAsync(long pageId, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>Protects or unprotects a page (administrators only).</summary>
    Task<WikiAdminResult> SetProtectedAsync(long pageId, bool isProtected, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>The page's own read and edit rules (administrators only; null when the page is unknown or the actor is not one).</summary>
    Task<WikiPagePermissions?> GetPermissionsAsync(long pageId, WikiActor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the page's own read and edit rules in one transaction (administrators only). Group names are trimmed and
    /// de-duplicated without regard to case; an empty name, one longer than 256 characters or more than
    /// <see cref="WikiPagePermissions.MaxGroups"/> of a kind is refused as <see cref="WikiAdminResult.InvalidGroups"/>.
    /// </summary>
    Task<WikiAdminResult> SetPermissionsAsync(long pageId, WikiPagePermissions permissions, WikiActor actor, CancellationToken cancellationToken = default);
}
