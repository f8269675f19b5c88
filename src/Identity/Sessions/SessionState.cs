namespace GatewayPortal.Identity.Sessions;

/// <summary>Whether a session may still be used.</summary>
public enum SessionState
{
    /// <summary>Running: not ended, not expired.</summary>
    Running,

    /// <summary>Ended early (signed out, or by an administrator or a directory change).</summary>
    Ended,

    /// <summary>Past its absolute lifetime.</summary>
    Expired,

    /// <summary>
    /// No record of it, and too old to be still on its way to the database (e.g. after a backup taken before the
    /// sign-in was restored): refused, as a session nobody can see or end must not keep working.
    /// </summary>
    Unknown,
}
