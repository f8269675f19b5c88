using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GatewayPortal.Testing;

/// <summary>
/// One private PostgreSQL cluster per test run (use as an xunit v3 assembly fixture), run through
/// <c>scripts/postgres.sh</c> on a free loopback port with its data in a temporary folder. Each test host
/// gets its own database (<see cref="ConnectionStringFor"/>); the portal's migrator creates it.
/// Clusters left behind by a killed run are stopped and deleted on the next start.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private static readonly string ClustersRoot = Path.Combine(Path.GetTempPath(), "gatewayportal-pg");
    private string? _baseConnectionString;
    private int _port;

    /// <summary>The cluster's folder.</summary>
    public string DataDir { get; } = Path.Combine(ClustersRoot, Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A connection string for a new, uniquely named database; <paramref name="purpose"/> is a short lower-case word.</summary>
    public string ConnectionStringFor(string purpose) =>
        string.Create(CultureInfo.InvariantCulture, $"{BaseConnectionString};Database=gp_{purpose}_{Guid.NewGuid().ToString("N")[..12]}");

    private string BaseConnectionString => _baseConnectionString ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        await SweepLeftoversAsync();
        Directory.CreateDirectory(DataDir);
        await File.WriteAllTextAsync(Path.Combine(ClustersRoot, Path.GetFileName(DataDir) + ".owner"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        _port = FreePort();
        _baseConnectionString = (await RepositoryScript.PostgresAsync(CancellationToken.None, "start", DataDir, _port.ToString(CultureInfo.InvariantCulture)))
            .Split('\n').Last().Trim();
    }

    /// <summary>Stops the cluster (fast shutdown: open sessions are cut), to test what an outage looks like.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => RepositoryScript.PostgresAsync(cancellationToken, "stop", DataDir);

    /// <summary>Starts the cluster again with the same data and port (after <see cref="StopAsync"/>).</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) =>
        RepositoryScript.PostgresAsync(cancellationToken, "start", DataDir, _port.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await RepositoryScript.PostgresAsync(CancellationToken.None, "stop", DataDir);
        }
        finally
        {
            Delete(DataDir);
            File.Delete(Path.Combine(ClustersRoot, Path.GetFileName(DataDir) + ".owner"));
        }
    }

    private static async Task SweepLeftoversAsync()
    {
        if (!Directory.Exists(ClustersRoot))
        {
            return;
        }

        foreach (var owner in Directory.GetFiles(ClustersRoot, "*.owner"))
        {
            if (int.TryParse(await File.ReadAllTextAsync(owner), CultureInfo.InvariantCulture, out var pid) && Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            var dir = Path.Combine(ClustersRoot, Path.GetFileNameWithoutExtension(owner));
            try
            {
                await RepositoryScript.PostgresAsync(CancellationToken.None, "stop", dir);
            }
            catch (InvalidOperationException)
            {
                // Best effort: a half-created cluster has nothing to stop.
            }

            Delete(dir);
            File.Delete(owner);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Delete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
