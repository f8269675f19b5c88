namespace GatewayPortal.Identity.Applications;

/// <summary>The application launcher: what a person may open, pinned and recently used applications.</summary>
public interface ILauncherService
{
    /// <summary>
    /// The launcher for a person. Only applications the person is allowed to use (or would be, but for maintenance)
    /// are listed. A <paramref name="filter"/> narrows categories, favorites and recent alike: a case-insensitive
    /// substring of the Korean or English name or description, or a query of initial consonants only (ㅇㅅ → 인사관리).
    /// </summary>
    /// <param name="subjectId">The person's subject id.</param>
    /// <param name="userGroups">Every group (direct and nested) the person belongs to, by common name.</param>
    /// <param name="filter">An optional search; blank means none.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    Task<LauncherView> GetAsync(string subjectId, IReadOnlyCollection<string> userGroups, string? filter, CancellationToken cancellationToken = default);

    /// <summary>Pins the application, or unpins it when already pinned.</summary>
    /// <returns>True when the application is now pinned; false when unpinned or when no such application exists.</returns>
    Task<bool> TogglePinAsync(string subjectId, int applicationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a launch for "recently used", keeping the person's last <see cref="LauncherService.MaxLaunchesPerUser"/>.
    /// The caller checks <see cref="ApplicationAccessPolicy"/> first. Unknown applications are ignored.
    /// </summary>
    Task RecordLaunchAsync(string subjectId, int applicationId, CancellationToken cancellationToken = default);
}
