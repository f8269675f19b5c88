using GatewayPortal.Cluster;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Data;

/// <summary>
/// Short-lived contexts of the configured provider for work that belongs to no request (background services, leases,
/// the change feed), from their own pool; also the libraries' factory interfaces.
/// </summary>
internal sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<PortalDbContext>, IClusterDbContextFactory, ISearchDbContextFactory
    where TContext : PortalDbContext
{
    /// <inheritdoc/>
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    /// <inheritdoc/>
    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

    async Task<ISearchDbContext> ISearchDbContextFactory.CreateDbContextAsync(CancellationToken cancellationToken) =>
        await CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

    async Task<IClusterDbContext> IClusterDbContextFactory.CreateDbContextAsync(CancellationToken cancellationToken) =>
        await CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
