namespace GatewayPortal.Identity.Audit;

/// <summary>One administrator's change, kept for the audit trail (never a secret).</summary>
public sealed class AdminAuditEntry
{
    /// <summary>Longest before/after JSON kept (characters); larger values are cut field by field.</summary>
    public const int MaxStateLength = 8000;

    /// <summary>Longest action code.</summary>
    public const int MaxActionLength = 64;

    /// <summary>Row id, in insertion order.</summary>
    public long Id { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime TimestampUtc { get; set; }

    /// <summary>The administrator's subject id (or <c>system</c> for the operator command line).</summary>
    public string ActorSubjectId { get; set; } = "";

    /// <summary>The administrator's login and display name as shown then.</summary>
    public string ActorName { get; set; } = "";

    /// <summary>The client's IP address, when the change came over HTTP.</summary>
    public string? IpAddress { get; set; }

    /// <summary>What was done, as a stable code such as <c>application.update</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What kind of thing was changed (application, session, board, crawl-site, search-index, wiki-page).</summary>
    public string TargetType { get; set; } = "";

    /// <summary>The target's id (client id, session id, board key…).</summary>
    public string TargetId { get; set; } = "";

    /// <summary>The target's name as shown then.</summary>
    public string? TargetName { get; set; }

    /// <summary>The target before the change, as JSON (null when created).</summary>
    public string? BeforeJson { get; set; }

    /// <summary>The target after the change, as JSON (null when deleted or not applicable).</summary>
    public string? AfterJson { get; set; }

    /// <summary>A short sentence for people (English, stable).</summary>
    public string? Summary { get; set; }
}
