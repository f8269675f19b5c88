namespace GatewayPortal.Tools.OrgGen;

/// <summary>A team (팀), the smallest unit; every team is a department group <c>dept-&lt;code&gt;</c>.</summary>
/// <param name="Code">ASCII code, used as <c>departmentNumber</c> and in the group name.</param>
/// <param name="Unit">The top-level unit: a headquarters division (실·국·본부) or a district (구).</param>
/// <param name="Department">The department (과).</param>
/// <param name="Name">The team's own name.</param>
/// <param name="UnitCode">The unit's ASCII code (<c>hq</c> for headquarters, else the district's code).</param>
/// <param name="IsHeadquarters">True for headquarters (본청), false for a district.</param>
public sealed record Team(string Code, string Unit, string Department, string Name, string UnitCode, bool IsHeadquarters)
{
    /// <summary>The full path name, e.g. "재무국 예산과 예산총괄팀" (the person's <c>ou</c>).</summary>
    public string FullName => Unit + " " + Department + " " + Name;

    /// <summary>The department's (과) code in the <c>ou</c> tree: the team's code without its last part.</summary>
    public string DepartmentCode => Code[..Code.LastIndexOf('-')];

    /// <summary>The department group's common name.</summary>
    public string GroupName => "dept-" + Code;
}
