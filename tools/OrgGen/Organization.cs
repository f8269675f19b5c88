namespace GatewayPortal.Tools.OrgGen;

/// <summary>A generated organisation: teams, people and groups, in LDIF order.</summary>
/// <param name="Seed">The seed it was generated from.</param>
/// <param name="Teams">Every team.</param>
/// <param name="People">Every person, demo accounts first.</param>
/// <param name="Groups">Every group, each after the groups it contains.</param>
public sealed record Organization(int Seed, IReadOnlyList<Team> Teams, IReadOnlyList<Person> People, IReadOnlyList<Group> Groups)
{
    /// <summary>The <c>ou</c> tree under <see cref="CityHall.OrganizationDn"/>, parents before children.</summary>
    public IReadOnlyList<OrgUnit> Units { get; } = OrgTree.Build(Teams);
}
