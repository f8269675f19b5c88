namespace GatewayPortal.Boards.Departments;

/// <summary>A department from the org chart.</summary>
/// <param name="Code">The department code (<c>departmentNumber</c>); its group is <c>dept-&lt;code&gt;</c>.</param>
/// <param name="Name">The department's name.</param>
/// <param name="ParentCode">The parent department's code, or null at the top.</param>
public sealed record DepartmentEntry(string Code, string Name, string? ParentCode);
