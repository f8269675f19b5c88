namespace GatewayPortal.Identity.Applications;

/// <summary>A launcher section with the applications the person may see.</summary>
/// <param name="Code">The category code.</param>
/// <param name="Name">The name in the current UI language.</param>
/// <param name="Apps">The applications, sorted by name.</param>
public sealed record LauncherCategory(string Code, string Name, IReadOnlyList<LauncherApp> Apps);
