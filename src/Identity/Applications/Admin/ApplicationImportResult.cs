namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>The outcome of an import: either errors and no change, or what was created and updated.</summary>
/// <param name="Errors">Every problem found; when there is one, nothing was changed.</param>
/// <param name="Created">Applications created.</param>
/// <param name="Updated">Applications updated.</param>
/// <param name="NewSecrets">The secrets of new confidential clients, to show once.</param>
public sealed record ApplicationImportResult(
    IReadOnlyList<ApplicationImportError> Errors,
    int Created = 0,
    int Updated = 0,
    IReadOnlyList<ApplicationNewSecret>? NewSecrets = null)
{
    /// <summary>True when the import was applied.</summary>
    public bool Succeeded => Errors.Count == 0;
}
