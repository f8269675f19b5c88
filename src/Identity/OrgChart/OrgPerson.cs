namespace GatewayPortal.Identity.OrgChart;

/// <summary>A member of staff as the org chart shows them.</summary>
/// <param name="SubjectId">The entry's <c>entryUUID</c>.</param>
/// <param name="Username">The login name (<c>uid</c>).</param>
/// <param name="DisplayName">The name as shown.</param>
/// <param name="Email">The <c>mail</c> attribute.</param>
/// <param name="Phone">The <c>telephoneNumber</c> attribute.</param>
/// <param name="Title">The position (직위, <c>title</c>).</param>
/// <param name="Grade">The grade (직급, <c>businessCategory</c>).</param>
/// <param name="DepartmentPath">The department as the person's entry names it (<c>ou</c>), e.g. "재무국 예산과 예산총괄팀".</param>
/// <param name="DepartmentCode">The code of the person's department in the chart, or null when it matched none.</param>
public sealed record OrgPerson(
    string SubjectId,
    string Username,
    string DisplayName,
    string? Email,
    string? Phone,
    string? Title,
    string? Grade,
    string? DepartmentPath,
    string? DepartmentCode);
