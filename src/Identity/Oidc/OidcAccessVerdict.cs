using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Directory;

namespace GatewayPortal.Identity.Oidc;

/// <summary>What <see cref="OidcAccessPolicy"/> decided.</summary>
/// <param name="Refusal">Null when allowed; otherwise why, for the audit log (e.g. <c>Retired</c>, <c>SessionExpired</c>, <c>PersonInactive</c>).</param>
/// <param name="Decision">The application's own decision (<see cref="ApplicationAccessDecision.Allowed"/> when the refusal came earlier).</param>
/// <param name="Person">The person as the directory has them now; null when the directory did not answer.</param>
/// <param name="SessionExpires">When the portal session ends by itself: no token may outlive it.</param>
public sealed record OidcAccessVerdict(string? Refusal, ApplicationAccessDecision Decision, DirectoryUser? Person, DateTimeOffset SessionExpires)
{
    /// <summary>Whether the person may have tokens for the application now.</summary>
    public bool IsAllowed => Refusal is null;
}
