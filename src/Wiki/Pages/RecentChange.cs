using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Pages;

/// <summary>A revision in the recent-changes list, with the page's current title.</summary>
public sealed record RecentChange(WikiTitle Title, WikiRevisionInfo Revision);
