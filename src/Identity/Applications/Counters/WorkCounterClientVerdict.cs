namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>Whether a client may push counters now, and the application if so.</summary>
/// <param name="Application">The application, when allowed.</param>
/// <param name="Refusal">Why not: <c>unknown_client</c>, <c>application_retired</c> or <c>permission_revoked</c>.</param>
public sealed record WorkCounterClientVerdict(PortalApplication? Application, string? Refusal)
{
    /// <summary>Whether the client may push counters.</summary>
    public bool IsAllowed => Application is not null && Refusal is null;
}
