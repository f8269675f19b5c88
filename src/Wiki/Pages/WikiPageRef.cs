using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Pages;

/// <summary>A page in a list (backlinks).</summary>
public sealed record WikiPageRef(long PageId, WikiTitle Title, bool IsRedirect);
