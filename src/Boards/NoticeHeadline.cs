namespace GatewayPortal.Boards;

/// <summary>A notice as the home page lists it; its page is <c>/notices/{BoardKey}/{PostId}</c>.</summary>
/// <param name="PostId">The post's id.</param>
/// <param name="BoardKey">The board's key (URL segment).</param>
/// <param name="BoardName">The board's name in the current UI language.</param>
/// <param name="Title">The post's title.</param>
/// <param name="Category">The post's category, if any.</param>
/// <param name="PublishedAt">When the post was (or is) published.</param>
/// <param name="IsPinned">True while the post is pinned.</param>
/// <param name="IsUnread">True when this person has not opened the current version (새 글).</param>
/// <param name="AttachmentCount">How many files are attached.</param>
public sealed record NoticeHeadline(
    long PostId,
    string BoardKey,
    string BoardName,
    string Title,
    string? Category,
    DateTimeOffset PublishedAt,
    bool IsPinned,
    bool IsUnread,
    int AttachmentCount);
