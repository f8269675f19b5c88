namespace GatewayPortal.Wiki.Storage;

/// <summary>A page a person watches (☆ on the page). Pages a person edited need no row: the watch list finds them in the revisions.</summary>
public sealed class WikiWatch
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>The person's subject id.</summary>
    public required string Subject { get; set; }

    /// <summary>The watched page.</summary>
    public long PageId { get; set; }

    /// <summary>When the person started watching.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
