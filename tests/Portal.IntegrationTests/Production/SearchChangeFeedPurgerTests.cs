using GatewayPortal.Cluster;
using GatewayPortal.Data;
using GatewayPortal.Portal.Search;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>Old change feed entries are purged in PostgreSQL by whichever node holds the purge lease.</summary>
public sealed class SearchChangeFeedPurgerTests(PostgresPortal portal) : IClassFixture<PostgresPortal>
{
    [Fact]
    public async Task PurgeAsync_OldAndRecentChanges_OneNodeDeletesOnlyTheOldOnes()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var old = Guid.NewGuid().ToString("N");
        var recent = Guid.NewGuid().ToString("N");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.SearchChanges.AddRange(
                new SearchChangeRow { Source = "wiki", Key = old, Kind = SearchChangeKind.Upsert, Node = "elsewhere", CreatedUtc = clock.GetUtcNow().UtcDateTime.AddDays(-2) },
                new SearchChangeRow { Source = "wiki", Key = recent, Kind = SearchChangeKind.Upsert, Node = "elsewhere", CreatedUtc = clock.GetUtcNow().UtcDateTime.AddHours(-1) });
            await db.SaveChangesAsync(cancellationToken);
        }

        // Act
        var byA = await Purger("purge-a", clock).PurgeAsync(cancellationToken);
        var byB = await Purger("purge-b", clock).PurgeAsync(cancellationToken);

        // Assert
        await using var check = portal.Services.CreateAsyncScope();
        var keys = await check.ServiceProvider.GetRequiredService<PortalDbContext>().SearchChanges
            .Where(c => c.Key == old || c.Key == recent).Select(c => c.Key).ToListAsync(cancellationToken);
        Assert.Equal(1, byA);
        Assert.Null(byB);
        Assert.Equal([recent], keys);
    }

    private SearchChangeFeedPurger Purger(string node, TimeProvider clock)
    {
        var leases = new LeaseService(portal.Services.GetRequiredService<IClusterDbContextFactory>(), new ClusterNode(Options.Create(new ClusterOptions { NodeName = node })), clock, NullLogger<LeaseService>.Instance);
        return new SearchChangeFeedPurger(portal.Services.GetRequiredService<ISearchDbContextFactory>(), new LeaseAdapter(leases), Options.Create(new SearchChangeFeedOptions()), clock, NullLogger<SearchChangeFeedPurger>.Instance);
    }

    private sealed class LeaseAdapter(ILeaseService leases) : ISearchLeases
    {
        public Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken) => leases.TryAcquireAsync(name, duration, cancellationToken);

        public Task ReleaseAsync(string name, CancellationToken cancellationToken) => leases.ReleaseAsync(name, cancellationToken);
    }
}
