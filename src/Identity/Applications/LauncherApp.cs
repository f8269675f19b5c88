namespace GatewayPortal.Identity.Applications;

/// <summary>An application tile, in the current UI language.</summary>
/// <param name="Id">The application's row id (for pin and launch).</param>
/// <param name="ClientId">The OAuth client id.</param>
/// <param name="Name">The name (English when the UI culture is English, else Korean).</param>
/// <param name="Description">The one-line description, in the same language.</param>
/// <param name="Icon">A key from <see cref="ApplicationIcons"/>.</param>
/// <param name="LaunchUrl">Where the tile links to.</param>
/// <param name="Status">Active or Maintenance (retired applications are never shown).</param>
/// <param name="MaintenanceMessage">The maintenance notice, when under maintenance.</param>
/// <param name="IsPinned">True when the person pinned it.</param>
public sealed record LauncherApp(
    int Id,
    string ClientId,
    string Name,
    string Description,
    string Icon,
    string LaunchUrl,
    ApplicationStatus Status,
    string? MaintenanceMessage,
    bool IsPinned);
