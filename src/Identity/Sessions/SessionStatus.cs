namespace GatewayPortal.Identity.Sessions;

/// <summary>A session's state, and when it ends by itself (null when its record is still on its way).</summary>
public sealed record SessionStatus(SessionState State, DateTimeOffset? Expires)
{
    /// <summary>Whether the session may be used.</summary>
    public bool IsRunning => State == SessionState.Running;
}
