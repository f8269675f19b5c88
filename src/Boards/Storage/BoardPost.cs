namespace GatewayPortal.Boards.Storage;

/// <summary>A notice on a board. Times are UTC.</summary>
public sealed class BoardPost
{
    /// <summary>The post id (the URL's last segment).</summary>
    public long Id { get; set; }

    /// <summary>The board.</summary>
    public long BoardId { get; set; }

    /// <summary>The title.</summary>
    public required string Title { get; set; }

    /// <summary>The Markdown body.</summary>
    public required string Body { get; set; }

    /// <summary>A free category (e.g. 안내, 긴급), or null.</summary>
    public string? Category { get; set; }

    /// <summary>Shown first until this time; null: not pinned.</summary>
    public DateTime? PinnedUntil { get; set; }

    /// <summary>Hidden from readers before this time.</summary>
    public DateTime PublishAt { get; set; }

    /// <summary>Hidden from readers from this time on; null: never expires.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>The author's subject id.</summary>
    public required string AuthorSubject { get; set; }

    /// <summary>The author's name when posting.</summary>
    public required string AuthorName { get; set; }

    /// <summary>The author's department when posting.</summary>
    public string? AuthorDepartment { get; set; }

    /// <summary>When the post was created.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the post was last changed.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Deleted posts are hidden but kept with their history.</summary>
    public bool IsDeleted { get; set; }

    /// <summary>Starts at 1, grows with each edit; a reader who read an older version sees the post as new again.</summary>
    public int Version { get; set; }

    /// <summary>How many people opened the post (each person once).</summary>
    public int ReadCount { get; set; }

    /// <summary>How many files are attached.</summary>
    public int AttachmentCount { get; set; }

    /// <summary>Lower-cased title and body (bounded) for searching within boards with LIKE.</summary>
    public required string SearchText { get; set; }
}
