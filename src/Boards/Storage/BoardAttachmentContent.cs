namespace GatewayPortal.Boards.Storage;

/// <summary>The bytes of one attachment, stored in the database so every node serves them.</summary>
public sealed class BoardAttachmentContent
{
    /// <summary>The attachment.</summary>
    public long AttachmentId { get; set; }

    /// <summary>The file's bytes.</summary>
    public required byte[] Bytes { get; set; }
}
