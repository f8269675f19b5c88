namespace GatewayPortal.Boards.Attachments;

/// <summary>A file as uploaded with a post (the host reads at most <see cref="AttachmentPolicy.MaxFileBytes"/> + 1 bytes of it).</summary>
/// <param name="FileName">The name the browser sent.</param>
/// <param name="Bytes">The content.</param>
public sealed record NoticeUpload(string FileName, byte[] Bytes);
