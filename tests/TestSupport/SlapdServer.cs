using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Testing;

/// <summary>
/// A private slapd on a free loopback port with its data in a temporary folder, run through <c>scripts/slapd.sh</c>.
/// Stopped and deleted on dispose; instances left behind by a killed test run are cleaned up on the next start.
/// </summary>
public sealed class SlapdServer : IAsyncDisposable
{
    /// <summary>The root DN (full access, bypasses ACLs).</summary>
    public const string RootDn = "cn=admin," + CityHall.BaseDn;

    /// <summary>The root DN's password (scripts/slapd.sh default).</summary>
    public const string RootPassword = "LocalAdmin!2026";

    private static readonly string InstancesRoot = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gatewayportal-slapd");
    private static readonly SemaphoreSlim SweepLock = new(1, 1);
    private static bool _swept;
    private bool _disposed;

    private SlapdServer(string dataDir, int port)
    {
        DataDir = dataDir;
        Port = port;
        LdapsPort = FreePort();
    }

    /// <summary>The instance's data folder.</summary>
    public string DataDir { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The server's URL, e.g. <c>ldap://127.0.0.1:38901/</c> (StartTLS is offered there).</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"ldap://127.0.0.1:{Port}/");

    /// <summary>The TCP port of the ldaps:// listener.</summary>
    public int LdapsPort { get; }

    /// <summary>The LDAPS URL, e.g. <c>ldaps://127.0.0.1:38902/</c>.</summary>
    public string LdapsUrl => string.Create(CultureInfo.InvariantCulture, $"ldaps://127.0.0.1:{LdapsPort}/");

    /// <summary>The folder holding this instance's CA certificate, hashed for libldap (its TLS_CACERTDIR).</summary>
    public string TrustedCertificatesDirectory => System.IO.Path.Combine(DataDir, "tls", "trusted");

    /// <summary>The directory suffix.</summary>
    public string BaseDn => CityHall.BaseDn;

    /// <summary>The portal's service account.</summary>
    public string ServiceBindDn => CityHall.ServiceBindDn;

    /// <summary>The service account's password.</summary>
    public string ServiceBindPassword => CityHall.ServiceBindPassword;

    /// <summary>Starts a new instance, seeded (through ldapadd) from <paramref name="seedLdif"/> when given.</summary>
    public static async Task<SlapdServer> StartNewAsync(string? seedLdif = null, CancellationToken cancellationToken = default)
    {
        var server = new SlapdServer(NewDataDir(), FreePort());
        try
        {
            await RepositoryScript.SlapdAsync(server.LdapsPortText, cancellationToken,
                seedLdif is null ? ["start", server.DataDir, server.PortText] : ["start", server.DataDir, server.PortText, seedLdif]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the instance again with the same data and port (after <see cref="StopAsync"/>).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        RepositoryScript.SlapdAsync(LdapsPortText, cancellationToken, "start", DataDir, PortText);

    /// <summary>Stops the instance (SIGTERM) and waits for it to exit; the data stays.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => RepositoryScript.SlapdAsync(cancellationToken, "stop", DataDir);

    /// <summary>A replica: the same entries, entryUUIDs and memberOf values, on a new port and data folder.</summary>
    public async Task<SlapdServer> CloneAsync(CancellationToken cancellationToken = default)
    {
        var clone = new SlapdServer(NewDataDir(), FreePort());
        try
        {
            await RepositoryScript.SlapdAsync(clone.LdapsPortText, cancellationToken, "clone", DataDir, clone.DataDir, clone.PortText);
            return clone;
        }
        catch
        {
            await clone.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await StopAsync();
        }
        finally
        {
            TryDelete(DataDir);
        }
    }

    private string PortText => Port.ToString(CultureInfo.InvariantCulture);

    private string LdapsPortText => LdapsPort.ToString(CultureInfo.InvariantCulture);

    private static string NewDataDir()
    {
        SweepLeftovers();
        var dataDir = System.IO.Path.Combine(InstancesRoot, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDir);
        File.WriteAllText(System.IO.Path.Combine(dataDir, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return dataDir;
    }

    // Instances whose owning test process is gone (a killed run) are stopped via their pidfile and deleted.
    private static void SweepLeftovers()
    {
        SweepLock.Wait();
        try
        {
            if (_swept || !Directory.Exists(InstancesRoot))
            {
                return;
            }

            _swept = true;
            foreach (var dir in Directory.GetDirectories(InstancesRoot))
            {
                var ownerFile = System.IO.Path.Combine(dir, "owner.pid");
                if (File.Exists(ownerFile) && int.TryParse(File.ReadAllText(ownerFile), CultureInfo.InvariantCulture, out var owner)
                    && Directory.Exists("/proc/" + owner.ToString(CultureInfo.InvariantCulture)))
                {
                    continue;
                }

                try
                {
                    RepositoryScript.SlapdAsync(CancellationToken.None, "stop", dir).GetAwaiter().GetResult();
                }
                catch (InvalidOperationException)
                {
                    // Best effort: a half-created folder has nothing to stop.
                }

                TryDelete(dir);
            }
        }
        finally
        {
            SweepLock.Release();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
