namespace GatewayPortal.Boards.Posts;

/// <summary>An attachment as a post lists it.</summary>
/// <param name="Id">The attachment id.</param>
/// <param name="FileName">The file name.</param>
/// <param name="ContentType">The stored content type.</param>
/// <param name="Size">Bytes.</param>
public sealed record AttachmentInfo(long Id, string FileName, string ContentType, long Size);
