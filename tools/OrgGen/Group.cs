namespace GatewayPortal.Tools.OrgGen;

/// <summary>A generated <c>groupOfNames</c> under <c>ou=groups</c>.</summary>
/// <param name="Name">The common name.</param>
/// <param name="Description">The Korean description.</param>
/// <param name="Members">Member DNs: people and, for nested groups, other groups.</param>
public sealed record Group(string Name, string Description, IReadOnlyList<string> Members)
{
    /// <summary>The group's DN.</summary>
    public string DistinguishedName => CityHall.GroupDn(Name);
}
