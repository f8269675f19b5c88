using System.Security.Claims;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Authorization;

namespace GatewayPortal.Portal.SignIn;

/// <summary>Reads <see cref="SessionPerson"/> from the session's claims; the wiki's actor and the boards' viewer are made from it.</summary>
public sealed class SessionPersonReader(IAuthorizationService authorization)
{
    /// <summary>The person behind <paramref name="user"/>; administrators are those the portal's administrator policy admits.</summary>
    public async Task<SessionPerson> ReadAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirstValue(PortalClaimTypes.Subject)
            ?? throw new InvalidOperationException("The session has no subject claim.");
        var name = user.FindFirstValue(PortalClaimTypes.Name) ?? user.Identity?.Name ?? subject;
        var groups = user.FindAll(PortalClaimTypes.Group).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
        var isAdmin = (await authorization.AuthorizeAsync(user, PortalAuthenticationDefaults.AdministratorPolicy)).Succeeded;
        return new SessionPerson(subject, name, user.FindFirstValue(PortalClaimTypes.Department), groups, isAdmin);
    }
}
