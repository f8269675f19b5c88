using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Pages;

/// <summary>A page in the list of pages, with its current version (who edited it last, and when).</summary>
public sealed record WikiPageListItem(WikiTitle Title, WikiRevisionInfo Revision);
