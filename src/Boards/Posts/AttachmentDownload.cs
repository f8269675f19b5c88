namespace GatewayPortal.Boards.Posts;

/// <summary>An attachment's bytes for a reader allowed to see its post.</summary>
/// <param name="FileName">The file name.</param>
/// <param name="ContentType">The stored content type.</param>
/// <param name="Sha256">SHA-256 (hex), usable as an ETag.</param>
/// <param name="Bytes">The content.</param>
public sealed record AttachmentDownload(string FileName, string ContentType, string Sha256, byte[] Bytes);
