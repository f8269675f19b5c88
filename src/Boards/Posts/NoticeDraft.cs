using GatewayPortal.Boards.Attachments;

namespace GatewayPortal.Boards.Posts;

/// <summary>A post as written on the form. Times are UTC; a null publish time means now.</summary>
/// <param name="Title">The title.</param>
/// <param name="Body">The Markdown body.</param>
/// <param name="Category">A category, or null.</param>
/// <param name="PinnedUntil">Pinned until, or null.</param>
/// <param name="PublishAt">Publish time, or null for now.</param>
/// <param name="ExpiresAt">Expiry, or null.</param>
/// <param name="Audience">Audience groups (narrower than the board's readers), or empty.</param>
/// <param name="NewFiles">Files to attach.</param>
/// <param name="RemoveAttachmentIds">Attachments to remove (edit only).</param>
/// <param name="BaseVersion">The version the editor started from (edit only), to refuse overwriting someone else's change.</param>
public sealed record NoticeDraft(
    string Title,
    string Body,
    string? Category,
    DateTime? PinnedUntil,
    DateTime? PublishAt,
    DateTime? ExpiresAt,
    IReadOnlyList<string> Audience,
    IReadOnlyList<NoticeUpload> NewFiles,
    IReadOnlyList<long> RemoveAttachmentIds,
    int? BaseVersion = null);
