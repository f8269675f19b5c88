namespace GatewayPortal.Cluster;

/// <summary>Short-lived contexts for work that belongs to no request (the host implements it from its context factory).</summary>
public interface IClusterDbContextFactory
{
    /// <summary>A new context; the caller disposes it.</summary>
    Task<IClusterDbContext> CreateDbContextAsync(CancellationToken cancellationToken);
}
