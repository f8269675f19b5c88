namespace GatewayPortal.Boards;

/// <summary>The signed-in person reading or writing notices, as the host maps it from its claims.</summary>
/// <param name="SubjectId">The stable subject id (read state, authorship).</param>
/// <param name="DisplayName">The name shown as a post's author.</param>
/// <param name="Department">The person's department name, shown beside the author.</param>
/// <param name="Groups">The directory groups the person belongs to (audience and posting rights).</param>
/// <param name="IsAdministrator">Portal administrators manage every board.</param>
public sealed record BoardViewer(
    string SubjectId,
    string DisplayName,
    string? Department,
    IReadOnlyCollection<string> Groups,
    bool IsAdministrator);
