namespace GatewayPortal.Identity.Directory;

/// <summary>A person read from the directory, with direct and nested group memberships.</summary>
/// <param name="SubjectId">The entry's <c>entryUUID</c>: stable across renames and moves.</param>
/// <param name="DistinguishedName">The entry's DN at the time it was read.</param>
/// <param name="Username">The login name (<c>uid</c>).</param>
/// <param name="DisplayName">The person's name as shown (<c>displayName</c>, else <c>cn</c>).</param>
/// <param name="Email">The <c>mail</c> attribute.</param>
/// <param name="EmployeeNumber">The <c>employeeNumber</c> attribute.</param>
/// <param name="Department">The department's name (<c>ou</c>).</param>
/// <param name="Title">The position (직위, <c>title</c>).</param>
/// <param name="Grade">The grade (직급, <c>businessCategory</c>).</param>
/// <param name="Phone">The <c>telephoneNumber</c> attribute.</param>
/// <param name="IsDisabled">True when the entry matches the configured disabled-account filter.</param>
/// <param name="Groups">Every group the person belongs to, directly or through nested groups.</param>
public sealed record DirectoryUser(
    string SubjectId,
    string DistinguishedName,
    string Username,
    string DisplayName,
    string? Email,
    string? EmployeeNumber,
    string? Department,
    string? Title,
    string? Grade,
    string? Phone,
    bool IsDisabled,
    IReadOnlyList<DirectoryGroup> Groups)
{
    /// <summary>True when the person is a member (direct or nested) of the group with this common name.</summary>
    public bool IsMemberOf(string groupName) =>
        Groups.Any(g => string.Equals(g.Name, groupName, StringComparison.OrdinalIgnoreCase));
}
