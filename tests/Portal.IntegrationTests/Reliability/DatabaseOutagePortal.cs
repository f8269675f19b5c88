using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Reliability;

/// <summary>
/// A portal on a PostgreSQL cluster of its own, so that the cluster can be stopped and started again without touching
/// the run's shared cluster (other test classes use it in parallel).
/// </summary>
public sealed class DatabaseOutagePortal(SlapdFixture directory) : IAsyncLifetime
{
    private readonly PostgresFixture _cluster = new();
    private PortalApplicationFactory? _portal;

    /// <summary>The portal host.</summary>
    public PortalApplicationFactory Portal => _portal ?? throw new InvalidOperationException("Not started.");

    /// <summary>Stops the cluster (fast shutdown: sessions are cut).</summary>
    public Task StopDatabaseAsync() => _cluster.StopAsync(TestContext.Current.CancellationToken);

    /// <summary>Starts the cluster again on its port.</summary>
    public Task StartDatabaseAsync() => _cluster.StartAgainAsync(TestContext.Current.CancellationToken);

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        await _cluster.InitializeAsync();
        _portal = new PortalApplicationFactory(directory, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = _cluster.ConnectionStringFor("outage"),
        });
        _ = _portal.Server;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        await _cluster.DisposeAsync();
    }
}
