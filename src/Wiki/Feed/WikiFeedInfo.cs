namespace GatewayPortal.Wiki.Feed;

/// <summary>The feed-level fields of an Atom feed.</summary>
/// <param name="Id">A permanent absolute URI identifying the feed (e.g. the recent-changes page URL).</param>
/// <param name="Title">The feed title, e.g. "시청 위키 최근 바뀜".</param>
/// <param name="SelfLink">The feed's own URL.</param>
/// <param name="AlternateLink">The HTML page the feed mirrors.</param>
public sealed record WikiFeedInfo(Uri Id, string Title, Uri SelfLink, Uri AlternateLink);
