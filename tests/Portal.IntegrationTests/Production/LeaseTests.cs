using GatewayPortal.Cluster;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>Leases in the real databases (PostgreSQL and SQLite): one holder at a time, even when nodes race.</summary>
public sealed class LeaseTests(PostgresPortal postgres, SharedPortal sqlite) : IClassFixture<PostgresPortal>, IClassFixture<SharedPortal>
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("Sqlite")]
    public async Task TryAcquireAsync_EightNodesRaceForANewLease_ExactlyOneWins(string provider)
    {
        // Arrange
        var name = NewLeaseName();
        var contenders = Enumerable.Range(1, 8).Select(i => Lease(provider, "racer-" + i)).ToList();

        // Act
        var results = await RaceAsync(contenders, name);

        // Assert
        Assert.Single(results, won => won);
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("Sqlite")]
    public async Task TryAcquireAsync_EightNodesRaceForAnExpiredLease_ExactlyOneWins(string provider)
    {
        // Arrange: a lease whose holder went away.
        var name = NewLeaseName();
        Assert.True(await Lease(provider, "gone").TryAcquireAsync(name, Duration, TestContext.Current.CancellationToken));
        _clock.Advance(Duration + TimeSpan.FromSeconds(1));
        var contenders = Enumerable.Range(1, 8).Select(i => Lease(provider, "racer-" + i)).ToList();

        // Act
        var results = await RaceAsync(contenders, name);

        // Assert
        Assert.Single(results, won => won);
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("Sqlite")]
    public async Task TryAcquireAsync_HeldByAnotherNode_RefusedUntilItExpires(string provider)
    {
        // Arrange
        var name = NewLeaseName();
        var a = Lease(provider, "node-a");
        var b = Lease(provider, "node-b");
        var cancellationToken = TestContext.Current.CancellationToken;
        await a.TryAcquireAsync(name, Duration, cancellationToken);

        // Act
        var whileHeld = await b.TryAcquireAsync(name, Duration, cancellationToken);
        _clock.Advance(Duration - TimeSpan.FromSeconds(1));
        var justBeforeExpiry = await b.TryAcquireAsync(name, Duration, cancellationToken);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var afterExpiry = await b.TryAcquireAsync(name, Duration, cancellationToken);
        var formerHolder = await a.TryAcquireAsync(name, Duration, cancellationToken);

        // Assert
        Assert.False(whileHeld);
        Assert.False(justBeforeExpiry);
        Assert.True(afterExpiry);
        Assert.False(formerHolder);
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("Sqlite")]
    public async Task TryAcquireAsync_ByTheHolder_RenewsTheLease(string provider)
    {
        // Arrange
        var name = NewLeaseName();
        var a = Lease(provider, "node-a");
        var b = Lease(provider, "node-b");
        var cancellationToken = TestContext.Current.CancellationToken;
        await a.TryAcquireAsync(name, Duration, cancellationToken);
        _clock.Advance(Duration / 2);

        // Act: renewed half-way, the lease outlives its first expiry.
        var renewed = await a.TryAcquireAsync(name, Duration, cancellationToken);
        _clock.Advance(Duration / 2 + TimeSpan.FromSeconds(1));
        var otherAfterFirstExpiry = await b.TryAcquireAsync(name, Duration, cancellationToken);

        // Assert
        Assert.True(renewed);
        Assert.False(otherAfterFirstExpiry);
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("Sqlite")]
    public async Task ReleaseAsync_ByTheHolder_FreesTheLeaseAtOnce_ByAnotherNodeDoesNothing(string provider)
    {
        // Arrange
        var name = NewLeaseName();
        var a = Lease(provider, "node-a");
        var b = Lease(provider, "node-b");
        var c = Lease(provider, "node-c");
        var cancellationToken = TestContext.Current.CancellationToken;
        await a.TryAcquireAsync(name, Duration, cancellationToken);

        // Act
        await c.ReleaseAsync(name, cancellationToken);
        var afterForeignRelease = await b.TryAcquireAsync(name, Duration, cancellationToken);
        await a.ReleaseAsync(name, cancellationToken);
        var afterRelease = await b.TryAcquireAsync(name, Duration, cancellationToken);

        // Assert
        Assert.False(afterForeignRelease);
        Assert.True(afterRelease);
    }

    private static string NewLeaseName() => "test-" + Guid.NewGuid().ToString("N");

    private static async Task<bool[]> RaceAsync(List<ILeaseService> contenders, string name)
    {
        using var start = new ManualResetEventSlim();
        var attempts = contenders.Select(l => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            return await l.TryAcquireAsync(name, Duration, TestContext.Current.CancellationToken);
        })).ToList();
        start.Set();
        return await Task.WhenAll(attempts);
    }

    private ILeaseService Lease(string provider, string node)
    {
        PortalApplicationFactory host = provider == "PostgreSql" ? postgres : sqlite;
        return new LeaseService(
            host.Services.GetRequiredService<IClusterDbContextFactory>(),
            new ClusterNode(Options.Create(new ClusterOptions { NodeName = node })),
            _clock,
            NullLogger<LeaseService>.Instance);
    }
}
