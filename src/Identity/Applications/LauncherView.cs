namespace GatewayPortal.Identity.Applications;

/// <summary>Everything the launcher page shows for one person.</summary>
/// <param name="Categories">Non-empty categories in display order.</param>
/// <param name="Favorites">Pinned applications the person may still see, oldest pin first.</param>
/// <param name="Recent">Up to <see cref="LauncherService.MaxRecent"/> distinct applications, most recently launched first.</param>
public sealed record LauncherView(
    IReadOnlyList<LauncherCategory> Categories,
    IReadOnlyList<LauncherApp> Favorites,
    IReadOnlyList<LauncherApp> Recent)
{
    /// <summary>
    /// With a filter: every match, best first (<see cref="LauncherFilter.Rank"/>, then by name); empty without one.
    /// </summary>
    public IReadOnlyList<LauncherApp> Results { get; init; } = [];
}
