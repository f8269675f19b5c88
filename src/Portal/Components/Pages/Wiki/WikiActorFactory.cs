using System.Security.Claims;
using GatewayPortal.Portal.SignIn;
using GatewayPortal.Wiki.Access;

namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>Maps the signed-in person's session claims to the wiki's <see cref="WikiActor"/>.</summary>
public sealed class WikiActorFactory(SessionPersonReader people)
{
    /// <summary>The actor for <paramref name="user"/>; administrators are those the portal's administrator policy admits.</summary>
    public async Task<WikiActor> CreateAsync(ClaimsPrincipal user)
    {
        var person = await people.ReadAsync(user);
        return new WikiActor(person.Subject, person.Name, person.Groups, person.IsAdministrator);
    }
}
