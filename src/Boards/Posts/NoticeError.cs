using GatewayPortal.Boards.Attachments;

namespace GatewayPortal.Boards.Posts;

/// <summary>One problem with a post, for a message beside its field.</summary>
/// <param name="Field">The form field (Title, Body, Category, PinnedUntil, PublishAt, ExpiresAt, Audience, Files).</param>
/// <param name="Code">What is wrong.</param>
/// <param name="Subject">The file or group the problem is about, if any.</param>
/// <param name="Attachment">For <see cref="NoticeErrorCode.FileRefused"/>: why.</param>
public sealed record NoticeError(string Field, NoticeErrorCode Code, string? Subject = null, AttachmentProblem Attachment = AttachmentProblem.None);
