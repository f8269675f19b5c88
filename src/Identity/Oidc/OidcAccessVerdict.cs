using GatewayPortal.Identity.Directory;

namespace GatewayPortal.Identity.Oidc;

/// <summary>What <see cref="OidcAccessPolicy"/> decided.</summary>
/// <param name="Refusal">
/// Null when allowed; otherwise why, for the audit log: <c>Session</c> + the session's state (<c>SessionEnded</c>,
/// <c>SessionExpired</c>, <c>SessionUnknown</c>), <c>PersonInactive</c>, <c>UnknownApplication</c>, or the application's
/// decision (<c>NotInAllowedGroups</c>, <c>Maintenance</c>, <c>Retired</c>).
/// </param>
/// <param name="Person">The person as the directory has them now; null when refused earlier or the directory did not answer.</param>
/// <param name="SessionExpires">When the portal session ends by itself: no token may outlive it.</param>
public sealed record OidcAccessVerdict(string? Refusal, DirectoryUser? Person, DateTimeOffset SessionExpires)
{
    /// <summary>Whether the person may have tokens for the application now.</summary>
    public bool IsAllowed => Refusal is null;
}
