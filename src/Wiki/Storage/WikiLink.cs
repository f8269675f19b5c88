namespace GatewayPortal.Wiki.Storage;

/// <summary>A wiki link from a page's current revision to a title, which may not exist yet.</summary>
public sealed class WikiLink
{
    /// <summary>The linking page.</summary>
    public long FromPageId { get; set; }

    /// <summary>The target's space key.</summary>
    public required string ToSpaceKey { get; set; }

    /// <summary>The target's normalised title.</summary>
    public required string ToTitle { get; set; }
}
