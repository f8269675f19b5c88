using GatewayPortal.Data;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.SignIn;

/// <summary>The embedded database's connection settings, read back from SQLite itself.</summary>
public sealed class SqliteSettingsTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task PortalDatabase_EveryConnection_WaitsForLocksAndUsesWal()
    {
        // Arrange
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        // Act
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var busyTimeout = await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync(TestContext.Current.CancellationToken);
        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);
        var synchronous = await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync(TestContext.Current.CancellationToken);

        // Assert: 5 s busy timeout (no 150 ms client-side sleeps), WAL, synchronous=NORMAL (1).
        Assert.Equal(5000, Assert.Single(busyTimeout));
        Assert.Equal("wal", Assert.Single(journal));
        Assert.Equal(1, Assert.Single(synchronous));
    }
}
