using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Pages;

/// <summary>A page as a reader sees it.</summary>
/// <param name="PageId">The page id.</param>
/// <param name="Title">The current title.</param>
/// <param name="Revision">The current revision.</param>
/// <param name="Text">The current Markdown text.</param>
/// <param name="IsProtected">Only administrators may edit.</param>
/// <param name="IsDeleted">Soft-deleted (only administrators get deleted pages).</param>
/// <param name="RedirectTarget">Where a moved page's old title points; the UI follows it.</param>
/// <param name="CanEdit">Whether the reader may edit (hide the edit button otherwise).</param>
public sealed record WikiPageView(
    long PageId,
    WikiTitle Title,
    WikiRevisionInfo Revision,
    string Text,
    bool IsProtected,
    bool IsDeleted,
    WikiTitle? RedirectTarget,
    bool CanEdit);
