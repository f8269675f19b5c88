namespace GatewayPortal.Wiki.Pages;

/// <summary>The outcome of looking up a page.</summary>
public enum WikiLookupStatus
{
    /// <summary>The page exists and may be read.</summary>
    Found,

    /// <summary>No such page (offer to create it).</summary>
    NotFound,

    /// <summary>The page was deleted by an administrator.</summary>
    Deleted,

    /// <summary>The reader may not read the page.</summary>
    Forbidden,

    /// <summary>The title is not valid; see <see cref="WikiPageLookup.TitleError"/>.</summary>
    InvalidTitle,
}
