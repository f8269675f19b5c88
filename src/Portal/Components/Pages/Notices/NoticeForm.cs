namespace GatewayPortal.Portal.Components.Pages.Notices;

/// <summary>The notice form's fields as typed (dates as the browser sends them, KST).</summary>
public sealed class NoticeForm
{
    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>Markdown body.</summary>
    public string? Body { get; set; }

    /// <summary>Category.</summary>
    public string? Category { get; set; }

    /// <summary>Pinned until (local).</summary>
    public string? PinnedUntil { get; set; }

    /// <summary>Publish time (local); empty: now.</summary>
    public string? PublishAt { get; set; }

    /// <summary>Expiry (local); empty: never.</summary>
    public string? ExpiresAt { get; set; }

    /// <summary>Audience groups, separated by commas or lines.</summary>
    public string? Audience { get; set; }

    /// <summary>Attachments to remove (edit).</summary>
    public List<long>? Remove { get; set; }

    /// <summary>The version the form was opened at (edit).</summary>
    public int? BaseVersion { get; set; }
}
