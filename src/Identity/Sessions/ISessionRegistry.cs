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

    /// <summary>
    /// Whether the session may still be used: not ended (answers from a short cache; see <c>SignIn:SessionStatusCacheDuration</c>),
    /// not past its absolute lifetime, and recorded. A session without a record counts as
    /// <see cref="SessionState.Unknown"/> once it is older than <paramref name="started"/> plus the time a record may take to be
    /// written (<see cref="SessionRegistryDefaults.RecordingGrace"/>): fail closed, not open.
    /// </summary>
    /// <param name="sessionId">The session id (<c>sid</c>).</param>
    /// <param name="started">When the session began, as its carrier (cookie or token) says.</param>
    /// <param name="cancellationToken">Cancels the database read.</param>
    ValueTask<SessionStatus> GetStatusAsync(string sessionId, DateTimeOffset started, CancellationToken cancellationToken = default);

    /// <summary>Running sessions (not ended, not expired), newest first.</summary>
    Task<ActiveSessionPage> ListActiveAsync(ActiveSessionQuery query, CancellationToken cancellationToken = default);

    /// <summary>One session by id, running or not.</summary>
    Task<PortalSession?> FindAsync(string sessionId, CancellationToken cancellationToken = default);
}
