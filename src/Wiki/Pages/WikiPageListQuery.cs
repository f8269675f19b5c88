namespace GatewayPortal.Wiki.Pages;

/// <summary>Filters and paging for the list of pages.</summary>
/// <param name="Space">Only this space; null for all.</param>
/// <param name="Order">By title or by last edit.</param>
/// <param name="After">The <see cref="PagedResult{T}.NextCursor"/> of the previous page.</param>
/// <param name="Limit">Page size.</param>
public sealed record WikiPageListQuery(string? Space = null, WikiPageListOrder Order = WikiPageListOrder.Title, long? After = null, int Limit = 50);
