using GatewayPortal.Identity.Directory;
using GatewayPortal.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

public sealed class LdapConnectionPoolsTests(SlapdFixture fixture)
{
    [Fact]
    public async Task Constructor_DefaultPoolSize_RaisesMinimumWorkerThreads()
    {
        // Arrange
        await using var host = DirectoryTestHost.Create(fixture);

        // Act
        ThreadPool.GetMinThreads(out var workers, out _);

        // Assert
        Assert.True(workers >= 2 * 16 + Environment.ProcessorCount, $"min worker threads {workers}");
    }

    [Fact]
    public void EnsureMinimumWorkerThreads_LowerWanted_NeverLowersTheMinimum()
    {
        // Arrange
        ThreadPool.GetMinThreads(out var before, out var completionPortsBefore);

        // Act
        LdapConnectionPools.EnsureMinimumWorkerThreads(1, poolSize: 1, NullLogger.Instance);
        ThreadPool.GetMinThreads(out var after, out var completionPortsAfter);

        // Assert
        Assert.Equal(before, after);
        Assert.Equal(completionPortsBefore, completionPortsAfter);
    }
}
