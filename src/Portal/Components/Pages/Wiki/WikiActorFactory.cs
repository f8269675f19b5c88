using System.Security.Claims;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.SignIn;
using GatewayPortal.Wiki.Access;
using Microsoft.AspNetCore.Authorization;

namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>Maps the signed-in person's session claims to the wiki's <see cref="WikiActor"/>.</summary>
public sealed class WikiActorFactory(IAuthorizationService authorization)
{
    /// <summary>The actor for <paramref name="user"/>; administrators are those the portal's administrator policy admits.</summary>
    public async Task<WikiActor> CreateAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirstValue(PortalClaimTypes.Subject)
            ?? throw new InvalidOperationException("The session has no subject claim.");
        var name = user.FindFirstValue(PortalClaimTypes.Name) ?? user.Identity?.Name ?? subject;
        var groups = user.FindAll(PortalClaimTypes.Group).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
        var isAdmin = (await authorization.AuthorizeAsync(user, PortalAuthenticationDefaults.AdministratorPolicy)).Succeeded;
        return new WikiActor(subject, name, groups, isAdmin);
    }
}
