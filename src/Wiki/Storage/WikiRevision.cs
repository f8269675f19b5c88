namespace GatewayPortal.Wiki.Storage;

/// <summary>An immutable saved version of a page.</summary>
public sealed class WikiRevision
{
    /// <summary>The revision id; ascending ids within a page are its history order.</summary>
    public long Id { get; init; }

    /// <summary>The page.</summary>
    public long PageId { get; init; }

    /// <summary>The version number within the page (1, 2, 3, …): what people see as "버전 12"; ids stay in URLs.</summary>
    public int Number { get; init; }

    /// <summary>The previous revision of the page; null for the first.</summary>
    public long? ParentRevisionId { get; init; }

    /// <summary>The normalised Markdown text.</summary>
    public required string Text { get; init; }

    /// <summary>The author's stable subject id.</summary>
    public required string AuthorSubject { get; init; }

    /// <summary>The author's display name at the time of the edit.</summary>
    public required string AuthorName { get; init; }

    /// <summary>When the revision was saved.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The edit summary.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>A minor edit (typo fixes); recent changes can hide these.</summary>
    public bool IsMinor { get; init; }

    /// <summary>The UTF-8 size of <see cref="Text"/> in bytes.</summary>
    public int Size { get; init; }

    /// <summary>Size minus the parent's size.</summary>
    public int SizeDelta { get; init; }

    /// <summary>SHA-256 of the text (hex); equal hashes within a page mark reverts.</summary>
    public required string ContentHash { get; init; }
}
