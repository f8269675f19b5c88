namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>One counter a system pushed for one person (table <c>portal_work_counters</c>).</summary>
public sealed class WorkCounterRow
{
    /// <summary>The reporting application's row id.</summary>
    public int ApplicationId { get; set; }

    /// <summary>The person's subject id (the <c>sub</c> the system received).</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The counter's name within the application.</summary>
    public string Key { get; set; } = "";

    /// <summary>The Korean label.</summary>
    public string LabelKo { get; set; } = "";

    /// <summary>The English label, if sent.</summary>
    public string? LabelEn { get; set; }

    /// <summary>The count; zero hides the counter until it is purged.</summary>
    public long Value { get; set; }

    /// <summary>Where the work is in the system, if sent.</summary>
    public string? Url { get; set; }

    /// <summary>When the system last set it.</summary>
    public DateTime UpdatedUtc { get; set; }

    /// <summary>When it stops being shown unless refreshed.</summary>
    public DateTime ExpiresUtc { get; set; }
}
