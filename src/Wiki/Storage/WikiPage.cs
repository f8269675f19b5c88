namespace GatewayPortal.Wiki.Storage;

/// <summary>A page: its current title and pointers; the content lives in <see cref="WikiRevision"/> rows.</summary>
public sealed class WikiPage
{
    /// <summary>The page id (stable across renames).</summary>
    public long Id { get; set; }

    /// <summary>The space key; "" for the main space.</summary>
    public required string SpaceKey { get; set; }

    /// <summary>The normalised title without the space prefix.</summary>
    public required string Title { get; set; }

    /// <summary>The URL slug of the full title (see <see cref="Titles.WikiTitle.Slug"/>).</summary>
    public required string Slug { get; set; }

    /// <summary>The latest revision; null only while the first revision is being written.</summary>
    public long? CurrentRevisionId { get; set; }

    /// <summary>Only administrators may edit, move or revert a protected page.</summary>
    public bool IsProtected { get; set; }

    /// <summary>When an administrator deleted the page (soft delete); null when live.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The subject of the administrator who deleted the page.</summary>
    public string? DeletedBy { get; set; }

    /// <summary>Set on the page left behind by a move: readers are sent to this page. Cleared when the page is edited.</summary>
    public long? RedirectToPageId { get; set; }

    /// <summary>When the page was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the page last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every change.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
