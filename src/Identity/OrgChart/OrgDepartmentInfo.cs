namespace GatewayPortal.Identity.OrgChart;

/// <summary>A department as other features need it (e.g. one notice board per department).</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Name">The department's name.</param>
/// <param name="ParentCode">The parent's code, or null at the top of the chart.</param>
/// <param name="FullName">The path's names joined with spaces.</param>
public sealed record OrgDepartmentInfo(string Code, string Name, string? ParentCode, string FullName);
