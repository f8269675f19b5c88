namespace GatewayPortal.Boards.Storage;

/// <summary>A file attached to a post; its bytes are in <see cref="BoardAttachmentContent"/> so lists never load them.</summary>
public sealed class BoardAttachment
{
    /// <summary>The attachment id (the download URL's segment).</summary>
    public long Id { get; set; }

    /// <summary>The post.</summary>
    public long PostId { get; set; }

    /// <summary>The file name as uploaded (path removed).</summary>
    public required string FileName { get; set; }

    /// <summary>The content type decided from the extension (never the uploader's claim).</summary>
    public required string ContentType { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>SHA-256 of the bytes, lowercase hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>When it was attached (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
