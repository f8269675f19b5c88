using GatewayPortal.Boards;
using GatewayPortal.Wiki.Access;

namespace GatewayPortal.Portal.Home;

/// <summary>The signed-in person as the home's sources need them.</summary>
/// <param name="Wiki">The person as the wiki sees them (subject, name, groups, administrator).</param>
/// <param name="Department">The person's department, if known.</param>
public sealed record HomeViewer(WikiActor Wiki, string? Department)
{
    /// <summary>The same person as the notice boards see them.</summary>
    public BoardViewer ToBoardViewer() => new(Wiki.Subject, Wiki.DisplayName, Department, Wiki.Groups, Wiki.IsAdmin);
}
