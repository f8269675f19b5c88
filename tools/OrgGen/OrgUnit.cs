namespace GatewayPortal.Tools.OrgGen;

/// <summary>One entry of the organisation's <c>ou</c> tree: the root, a unit (실·국·본부 or 구), a department (과) or a team (팀).</summary>
/// <param name="Code">Stable ASCII code, the entry's RDN value (<c>ou=&lt;code&gt;</c>); a team's code is its <c>departmentNumber</c>.</param>
/// <param name="Name">The Korean name (<c>description</c>).</param>
/// <param name="ParentCode">The parent's code, or null for a top-level entry.</param>
/// <param name="DistinguishedName">The entry's DN under <see cref="CityHall.OrganizationDn"/>.</param>
/// <param name="Phone">The department's or team's main telephone number, if any.</param>
public sealed record OrgUnit(string Code, string Name, string? ParentCode, string DistinguishedName, string? Phone);
