namespace GatewayPortal.Boards.Posts;

/// <summary>A post as its page shows it. Times are UTC.</summary>
/// <param name="Id">The post id.</param>
/// <param name="Board">The board.</param>
/// <param name="Title">The title.</param>
/// <param name="Body">The Markdown body.</param>
/// <param name="Category">The category.</param>
/// <param name="PinnedUntil">Pinned until.</param>
/// <param name="PublishAt">Publish time.</param>
/// <param name="ExpiresAt">Expiry.</param>
/// <param name="AuthorSubject">The author's subject.</param>
/// <param name="AuthorName">The author.</param>
/// <param name="AuthorDepartment">The author's department.</param>
/// <param name="CreatedAt">Written.</param>
/// <param name="UpdatedAt">Last changed.</param>
/// <param name="Version">The version.</param>
/// <param name="ReadCount">Readers so far.</param>
/// <param name="Audience">Audience groups.</param>
/// <param name="Attachments">Attached files.</param>
/// <param name="CanChange">Whether the viewer may edit or delete it.</param>
/// <param name="State">Live, scheduled or expired.</param>
public sealed record NoticeView(long Id, BoardView Board, string Title, string Body, string? Category, DateTime? PinnedUntil, DateTime PublishAt, DateTime? ExpiresAt,
    string AuthorSubject, string AuthorName, string? AuthorDepartment, DateTime CreatedAt, DateTime UpdatedAt, int Version, int ReadCount,
    IReadOnlyList<string> Audience, IReadOnlyList<AttachmentInfo> Attachments, bool CanChange, NoticeState State);
