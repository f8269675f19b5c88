namespace GatewayPortal.Boards.Storage;

/// <summary>That a person opened a post, and which version.</summary>
public sealed class BoardReadState
{
    /// <summary>The reader's subject id.</summary>
    public required string Subject { get; set; }

    /// <summary>The post.</summary>
    public long PostId { get; set; }

    /// <summary>The post's version when last opened.</summary>
    public int Version { get; set; }

    /// <summary>When last opened (UTC).</summary>
    public DateTime ReadAt { get; set; }
}
