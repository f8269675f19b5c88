namespace GatewayPortal.Wiki.Pages;

/// <summary>The cap on wiki links a page may hold, checked at save time.</summary>
public static class WikiLinkLimits
{
    /// <summary>
    /// The most distinct <c>[[links]]</c> one page may have (5,000): far above any hand-written page (a large index page has a
    /// few hundred), and it bounds the link rows a save writes while it holds the database's write lock. A save over it is
    /// refused with <see cref="WikiSaveResult.TooManyLinks"/>.
    /// </summary>
    public const int MaxLinksPerPage = 5_000;
}
