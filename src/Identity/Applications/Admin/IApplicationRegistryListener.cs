namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>
/// Told after an administrator's change to the application registry is committed, e.g. so the host brings search
/// up to date on every node. Optional: register one to be told.
/// </summary>
public interface IApplicationRegistryListener
{
    /// <summary>Called once per committed change (a save, a status change, an import); handles its own failures.</summary>
    Task RegistryChangedAsync(CancellationToken cancellationToken);
}
