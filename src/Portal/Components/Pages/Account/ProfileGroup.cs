namespace GatewayPortal.Portal.Components.Pages.Account;

/// <summary>A group the person belongs to, as the profile page shows it.</summary>
/// <param name="Id">The directory group's common name (e.g. <c>dept-hq-02-01-1</c>), shown to administrators only.</param>
/// <param name="DisplayName">What the group means (e.g. "본청 행정국 총무과 총무팀", "전 직원"); the id when nothing says.</param>
/// <param name="DepartmentCode">The org chart code when the group is a department's, for a link to its page.</param>
public sealed record ProfileGroup(string Id, string DisplayName, string? DepartmentCode);
