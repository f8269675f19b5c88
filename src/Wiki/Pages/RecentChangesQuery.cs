namespace GatewayPortal.Wiki.Pages;

/// <summary>Filters for recent changes.</summary>
/// <param name="Space">Only this space; null for all.</param>
/// <param name="AuthorSubject">Only this author; null for all.</param>
/// <param name="HideMinor">Leave out minor edits.</param>
/// <param name="Before">The <see cref="PagedResult{T}.NextCursor"/> of the previous page.</param>
/// <param name="Limit">Page size.</param>
public sealed record RecentChangesQuery(string? Space = null, string? AuthorSubject = null, bool HideMinor = false, long? Before = null, int Limit = 50);
