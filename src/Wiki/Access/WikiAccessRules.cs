namespace GatewayPortal.Wiki.Access;

/// <summary>
/// The effective restrictions of one page. An empty group list means no restriction of that kind.
/// </summary>
/// <param name="ReadGroups">Groups allowed to read; empty for everyone.</param>
/// <param name="EditGroups">Groups allowed to edit; empty for everyone who can read.</param>
/// <param name="IsProtected">Only administrators may edit.</param>
public sealed record WikiAccessRules(IReadOnlyCollection<string> ReadGroups, IReadOnlyCollection<string> EditGroups, bool IsProtected)
{
    /// <summary>No restrictions.</summary>
    public static WikiAccessRules Open { get; } = new([], [], false);
}
