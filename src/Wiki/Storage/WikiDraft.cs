namespace GatewayPortal.Wiki.Storage;

/// <summary>A user's unsaved edit of a page (existing or not yet created), one per user and title.</summary>
public sealed class WikiDraft
{
    /// <summary>The draft id.</summary>
    public long Id { get; set; }

    /// <summary>The page when it exists.</summary>
    public long? PageId { get; set; }

    /// <summary>The space key of the title being edited.</summary>
    public required string SpaceKey { get; set; }

    /// <summary>The normalised title being edited.</summary>
    public required string Title { get; set; }

    /// <summary>The user's subject id.</summary>
    public required string UserSubject { get; set; }

    /// <summary>The revision the user started from (the merge base on save).</summary>
    public long? BaseRevisionId { get; set; }

    /// <summary>The draft text.</summary>
    public required string Text { get; set; }

    /// <summary>When the draft was last saved.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
