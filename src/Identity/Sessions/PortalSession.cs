namespace GatewayPortal.Identity.Sessions;

/// <summary>
/// One SSO session, recorded when it starts so that administrators can see and end it. The cookie stays
/// the session's carrier; a row with <see cref="EndedUtc"/> set makes the cookie worthless everywhere.
/// </summary>
public sealed class PortalSession
{
    /// <summary>Longest user agent kept.</summary>
    public const int MaxUserAgentLength = 512;

    /// <summary>The session id (the <c>sid</c> claim, also in ID tokens and logout tokens).</summary>
    public string SessionId { get; set; } = "";

    /// <summary>The person's subject id (entryUUID).</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The person's login (uid).</summary>
    public string Login { get; set; } = "";

    /// <summary>The person's display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>When the session began.</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the session ends by itself.</summary>
    public DateTime ExpiresUtc { get; set; }

    /// <summary>The client's IP address at sign-in.</summary>
    public string? IpAddress { get; set; }

    /// <summary>The browser's user agent at sign-in.</summary>
    public string? UserAgent { get; set; }

    /// <summary>How the person proved who they are (e.g. "pwd otp").</summary>
    public string Methods { get; set; } = "";

    /// <summary>When the session was ended early; null while it runs.</summary>
    public DateTime? EndedUtc { get; set; }

    /// <summary>Who ended it: the person, an administrator's login, or the system.</summary>
    public string? EndedBy { get; set; }

    /// <summary>Why it ended.</summary>
    public SessionEndReason? EndReason { get; set; }
}

/// <summary>Why a session ended before it expired.</summary>
public enum SessionEndReason
{
    /// <summary>The person signed out of the portal.</summary>
    SignedOut,

    /// <summary>An application asked for logout (RP-initiated).</summary>
    ApplicationLogout,

    /// <summary>An administrator ended it.</summary>
    Administrator,

    /// <summary>The person was disabled or removed in the directory.</summary>
    DirectoryChange,
}
