namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>Short-lived contexts for the counters (the host implements it from its context factory).</summary>
public interface IWorkCountersDbContextFactory
{
    /// <summary>A new context; the caller disposes it.</summary>
    Task<IWorkCountersDbContext> CreateDbContextAsync(CancellationToken cancellationToken);
}
