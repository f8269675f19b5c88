namespace GatewayPortal.Wiki.Pages;

/// <summary>The order of the list of pages.</summary>
public enum WikiPageListOrder
{
    /// <summary>By space, then by title (가나다 order).</summary>
    Title,

    /// <summary>Most recently edited first.</summary>
    Recent,
}
