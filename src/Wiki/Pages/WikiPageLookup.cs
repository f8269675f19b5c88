using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Pages;

/// <summary>The result of <see cref="IWikiReader.GetPageAsync"/>: <see cref="Page"/> is set when <see cref="Status"/> is Found.</summary>
public sealed record WikiPageLookup(WikiLookupStatus Status, WikiPageView? Page = null, WikiTitleError TitleError = WikiTitleError.None);
