using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Counters;

/// <summary>The counters' contexts, from the portal's context factory (work outside a request, own pool).</summary>
internal sealed class WorkCountersDbContextFactory(IDbContextFactory<PortalDbContext> contexts) : IWorkCountersDbContextFactory
{
    public async Task<IWorkCountersDbContext> CreateDbContextAsync(CancellationToken cancellationToken) =>
        await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
