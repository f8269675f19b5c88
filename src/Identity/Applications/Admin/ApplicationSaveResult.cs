namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>The outcome of creating or updating one application.</summary>
/// <param name="Errors">Every problem found; nothing was saved when there is one.</param>
/// <param name="NewSecret">A new confidential client's generated secret, to show once; never stored in plain.</param>
public sealed record ApplicationSaveResult(IReadOnlyList<ApplicationFieldError> Errors, string? NewSecret = null)
{
    /// <summary>True when the application was saved.</summary>
    public bool Succeeded => Errors.Count == 0;
}
