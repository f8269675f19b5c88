namespace GatewayPortal.Wiki.Watch;

/// <summary>The outcome of starting or stopping to watch a page.</summary>
public enum WikiWatchResult
{
    /// <summary>The person now watches the page.</summary>
    Watching,

    /// <summary>The person no longer watches the page (or never did).</summary>
    NotWatching,

    /// <summary>No such page, or it is deleted or the person may not read it: nothing changed.</summary>
    NotFound,

    /// <summary>The person already watches <see cref="WikiOptions.MaxWatchedPages"/> pages: nothing changed.</summary>
    LimitReached,
}
