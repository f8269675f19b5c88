using GatewayPortal.Boards.Storage;

namespace GatewayPortal.Boards.Posts;

/// <summary>One entry of a post's history: the state after the change. Times are UTC.</summary>
/// <param name="Version">The version after the change.</param>
/// <param name="Action">Created, edited or deleted.</param>
/// <param name="EditorName">Who.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="Title">Title after.</param>
/// <param name="Body">Body after.</param>
/// <param name="Category">Category after.</param>
/// <param name="PinnedUntil">Pinned until after.</param>
/// <param name="PublishAt">Publish time after.</param>
/// <param name="ExpiresAt">Expiry after.</param>
/// <param name="Audience">Audience after.</param>
/// <param name="Attachments">File names after.</param>
public sealed record NoticeRevisionView(int Version, BoardPostAction Action, string EditorName, DateTime CreatedAt, string Title, string Body, string? Category,
    DateTime? PinnedUntil, DateTime PublishAt, DateTime? ExpiresAt, IReadOnlyList<string> Audience, IReadOnlyList<string> Attachments);
