namespace GatewayPortal.Wiki.Pages;

/// <summary>One page of a keyset-paged list; pass <see cref="NextCursor"/> back to get the next page (null at the end).</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, long? NextCursor);
