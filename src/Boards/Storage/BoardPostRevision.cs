namespace GatewayPortal.Boards.Storage;

/// <summary>A post's state after one change (the history); the state before is the previous revision.</summary>
public sealed class BoardPostRevision
{
    /// <summary>The revision id.</summary>
    public long Id { get; set; }

    /// <summary>The post.</summary>
    public long PostId { get; set; }

    /// <summary>The post's version after the change.</summary>
    public int Version { get; set; }

    /// <summary>What happened.</summary>
    public BoardPostAction Action { get; set; }

    /// <summary>Who changed it.</summary>
    public required string EditorSubject { get; set; }

    /// <summary>The editor's name at the time.</summary>
    public required string EditorName { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The title after the change.</summary>
    public required string Title { get; set; }

    /// <summary>The body after the change.</summary>
    public required string Body { get; set; }

    /// <summary>The category after the change.</summary>
    public string? Category { get; set; }

    /// <summary>Pinned until, after the change.</summary>
    public DateTime? PinnedUntil { get; set; }

    /// <summary>Publish time after the change.</summary>
    public DateTime PublishAt { get; set; }

    /// <summary>Expiry after the change.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>The audience groups after the change, separated by line breaks.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>The attachment file names after the change, separated by line breaks.</summary>
    public string Attachments { get; set; } = string.Empty;
}
