namespace GatewayPortal.Wiki.Pages;

/// <summary>
/// A page's own access rules: the directory groups that may read it and that may edit it. An empty list means the
/// page has no rule of that kind, so the space's rules apply, or, without those, every staff member.
/// </summary>
public sealed record WikiPagePermissions(IReadOnlyList<string> ReadGroups, IReadOnlyList<string> EditGroups)
{
    /// <summary>Most groups one kind of rule may list.</summary>
    public const int MaxGroups = 50;
}
