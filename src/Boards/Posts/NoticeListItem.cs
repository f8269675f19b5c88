namespace GatewayPortal.Boards.Posts;

/// <summary>A row of a notice list. Times are UTC.</summary>
/// <param name="PostId">The post id.</param>
/// <param name="BoardKey">The board's key.</param>
/// <param name="BoardName">The board's name in the current UI language.</param>
/// <param name="Title">The title.</param>
/// <param name="Category">The category, or null.</param>
/// <param name="AuthorName">The author.</param>
/// <param name="AuthorDepartment">The author's department.</param>
/// <param name="PublishAt">Publish time.</param>
/// <param name="IsPinned">Pinned now.</param>
/// <param name="IsUnread">The viewer has not opened this version (새 글).</param>
/// <param name="ReadCount">Readers so far.</param>
/// <param name="AttachmentCount">Files attached.</param>
/// <param name="State">Live, scheduled or expired.</param>
public sealed record NoticeListItem(long PostId, string BoardKey, string BoardName, string Title, string? Category, string AuthorName, string? AuthorDepartment,
    DateTime PublishAt, bool IsPinned, bool IsUnread, int ReadCount, int AttachmentCount, NoticeState State);
