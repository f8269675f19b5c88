namespace GatewayPortal.Identity.OrgChart;

/// <summary>Departments and people whose names match a query, each list bounded.</summary>
/// <param name="Departments">Matching departments, in chart order.</param>
/// <param name="People">Matching people, by name.</param>
/// <param name="MoreDepartments">True when more departments matched than were returned.</param>
/// <param name="MorePeople">True when more people matched than were returned.</param>
public sealed record OrgSearchResult(IReadOnlyList<OrgDepartment> Departments, IReadOnlyList<OrgPerson> People, bool MoreDepartments, bool MorePeople);
