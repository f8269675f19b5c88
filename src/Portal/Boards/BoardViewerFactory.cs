using System.Security.Claims;
using GatewayPortal.Boards;
using GatewayPortal.Portal.SignIn;

namespace GatewayPortal.Portal.Boards;

/// <summary>Maps the signed-in person's session claims to the boards' <see cref="BoardViewer"/>.</summary>
public sealed class BoardViewerFactory(SessionPersonReader people)
{
    /// <summary>The viewer for <paramref name="user"/>; administrators are those the portal's administrator policy admits.</summary>
    public async Task<BoardViewer> CreateAsync(ClaimsPrincipal user)
    {
        var person = await people.ReadAsync(user);
        return new BoardViewer(person.Subject, person.Name, person.Department, person.Groups, person.IsAdministrator);
    }
}
