using System.Security.Claims;
using GatewayPortal.Boards;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.SignIn;
using Microsoft.AspNetCore.Authorization;

namespace GatewayPortal.Portal.Boards;

/// <summary>Maps the signed-in person's session claims to the boards' <see cref="BoardViewer"/>.</summary>
public sealed class BoardViewerFactory(IAuthorizationService authorization)
{
    /// <summary>The viewer for <paramref name="user"/>; administrators are those the portal's administrator policy admits.</summary>
    public async Task<BoardViewer> CreateAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirstValue(PortalClaimTypes.Subject)
            ?? throw new InvalidOperationException("The session has no subject claim.");
        var name = user.FindFirstValue(PortalClaimTypes.Name) ?? user.Identity?.Name ?? subject;
        var groups = user.FindAll(PortalClaimTypes.Group).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
        var isAdmin = (await authorization.AuthorizeAsync(user, PortalAuthenticationDefaults.AdministratorPolicy)).Succeeded;
        return new BoardViewer(subject, name, user.FindFirstValue(PortalClaimTypes.Department), groups, isAdmin);
    }
}
