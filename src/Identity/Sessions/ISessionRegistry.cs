namespace GatewayPortal.Identity.Sessions;

/// <summary>The server-side record of SSO sessions: who is signed in, and which sessions were ended early.</summary>
public interface ISessionRegistry
{
    /// <summary>Records a session that began (queued, written in batches).</summary>
    ValueTask RecordStartAsync(SessionStart start, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends a session on every node: its cookie is refused from the next check on, and so are refresh
    /// tokens issued to applications within it. Returns the session, or null when it is unknown.
    /// </summary>
    Task<PortalSession?> EndAsync(string sessionId, string endedBy, SessionEndReason reason, CancellationToken cancellationToken = default);

    /// <summary>Whether the session was ended early (answers from a short cache; see <c>SignIn:SessionStatusCacheDuration</c>).</summary>
    ValueTask<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Running sessions (not ended, not expired), newest first.</summary>
    Task<ActiveSessionPage> ListActiveAsync(ActiveSessionQuery query, CancellationToken cancellationToken = default);

    /// <summary>One session by id, running or not.</summary>
    Task<PortalSession?> FindAsync(string sessionId, CancellationToken cancellationToken = default);
}
