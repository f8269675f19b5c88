namespace GatewayPortal.Identity.Oidc.Logout;

/// <summary>Tells every application a portal session signed into that the session has ended.</summary>
public interface ISessionLogoutNotifier
{
    /// <summary>
    /// Queues OpenID Connect Back-Channel Logout tokens for the session's applications and forgets the
    /// session's application list. Returns at once; delivery (with retries) happens in the background.
    /// Returns the front-channel logout URLs (with iss and sid) the browser must load in frames.
    /// </summary>
    /// <param name="sessionId">The portal session id (sid claim).</param>
    /// <param name="subjectId">The person's subject id.</param>
    /// <param name="login">The person's login, for the audit log.</param>
    /// <param name="issuer">The issuer URL applications know the portal by (ends with '/').</param>
    /// <param name="cancellationToken">Cancels the lookup, not the deliveries.</param>
    Task<IReadOnlyList<string>> NotifySessionEndedAsync(string sessionId, string subjectId, string login, string issuer, CancellationToken cancellationToken = default);
}
