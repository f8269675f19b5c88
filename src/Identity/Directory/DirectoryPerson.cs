namespace GatewayPortal.Identity.Directory;

/// <summary>A person as the staff directory lists them: contact details, no groups.</summary>
public sealed record DirectoryPerson(
    string SubjectId,
    string Username,
    string DisplayName,
    string? Email,
    string? EmployeeNumber,
    string? Department,
    string? Title,
    string? Grade,
    string? Phone);
