using GatewayPortal.Portal.Extensions;
using GatewayPortal.Portal.Search;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Portal.Tests.Extensions;

/// <summary>The index check over a real (in-memory) Lucene index.</summary>
public sealed class IndexHealthCheckTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly SearchIndex _index;
    private readonly SearchChangeFollowerState _follower;
    private readonly IndexHealthCheck _check;

    public IndexHealthCheckTests()
    {
        _index = new SearchIndex(Options.Create(new SearchIndexOptions { InMemory = true }), NullLogger<SearchIndex>.Instance, TimeProvider.System);
        _follower = new SearchChangeFollowerState(_clock);
        _check = new IndexHealthCheck(_index, Options.Create(new SearchChangeFeedOptions { IndexLagDegradedAfter = TimeSpan.FromSeconds(30) }), _follower);
    }

    [Fact]
    public async Task CheckHealthAsync_BuiltAndFollowingCurrently_IsHealthy()
    {
        // Arrange
        await BuildAsync();
        _follower.Current(_clock.GetUtcNow(), 42);
        _clock.Advance(TimeSpan.FromSeconds(1));

        // Act
        var result = await _check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(42L, result.Data["feedPosition"]);
    }

    [Fact]
    public async Task CheckHealthAsync_FeedNotReadForLongerThanTheThreshold_IsDegraded()
    {
        // Arrange
        await BuildAsync();
        _follower.Current(_clock.GetUtcNow(), 42);
        _clock.Advance(TimeSpan.FromSeconds(31));

        // Act
        var result = await _check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal(31.0, result.Data["lagSeconds"]);
    }

    [Fact]
    public async Task CheckHealthAsync_IndexNotBuiltYet_IsDegraded()
    {
        // Arrange: a new in-memory index needs a rebuild until one completes.
        _follower.Current(_clock.GetUtcNow(), 0);

        // Act
        var result = await _check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("built", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_IndexClosed_IsUnhealthy()
    {
        // Arrange
        await BuildAsync();
        _index.Dispose();

        // Act
        var result = await _check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    public void Dispose() => _index.Dispose();

    private Task<RebuildResult> BuildAsync() => _index.RebuildAsync([], progress: null, TestContext.Current.CancellationToken);
}
