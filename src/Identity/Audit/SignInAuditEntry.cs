namespace GatewayPortal.Identity.Audit;

/// <summary>One row of the sign-in audit log.</summary>
public sealed class SignInAuditEntry
{
    /// <summary>Longest login kept; longer input is cut.</summary>
    public const int MaxLoginLength = 256;

    /// <summary>Longest user agent kept; longer input is cut.</summary>
    public const int MaxUserAgentLength = 512;

    /// <summary>Row id, in insertion order.</summary>
    public long Id { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime TimestampUtc { get; set; }

    /// <summary>The login as typed (never the password).</summary>
    public string Login { get; set; } = "";

    /// <summary>The person's subject id when the login named a real person.</summary>
    public string? SubjectId { get; set; }

    /// <summary>The person's display name when known.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The client's IP address.</summary>
    public string? IpAddress { get; set; }

    /// <summary>The client's user agent.</summary>
    public string? UserAgent { get; set; }

    /// <summary>What happened.</summary>
    public SignInOutcome Outcome { get; set; }

    /// <summary>Why, as a stable code (e.g. InvalidPassword, AccountDisabled, AccountThrottled).</summary>
    public string? Reason { get; set; }
}
