namespace GatewayPortal.Wiki.Pages;

/// <summary>The cap on wiki links a page may hold, checked at save time.</summary>
public static class WikiLinkLimits
{
    /// <summary>
    /// The most distinct <c>[[links]]</c> one page may have (10,000): far above any hand-written page, and it keeps a save's
    /// link rows, and the red-link lookup of every view, small. A save over it is refused with <see cref="WikiSaveResult.TooManyLinks"/>.
    /// </summary>
    public const int MaxLinksPerPage = 10_000;
}
