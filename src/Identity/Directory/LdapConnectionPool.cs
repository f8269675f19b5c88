using System.Collections.Concurrent;
using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Net;
using System.Net.Sockets;
using GatewayPortal.Identity.Telemetry;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Directory;

/// <summary>
/// A bounded pool of connections with exclusive checkout (an <see cref="LdapConnection"/> is not thread-safe),
/// running each operation on the preferred server and failing over to the next on connection trouble.
/// </summary>
internal sealed class LdapConnectionPool(
    string name, LdapServerSet servers, LdapOptions options, NetworkCredential? serviceCredential, ILogger logger, IdentityMetrics? metrics = null) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.PoolSize, options.PoolSize);
    private readonly ConcurrentStack<PooledLdapConnection> _idle = new();
    // A directory outage fails every request: one line per window with a count, not one per request.
    private readonly RepeatedFailureLog _outages = new(logger, TimeProvider.System);
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="operation"/> on a checked-out connection; throws <see cref="DirectoryUnavailableException"/> when no server answers.</summary>
    public async Task<T> ExecuteAsync<T>(Func<PooledLdapConnection, T> operation, CancellationToken cancellationToken, TimeSpan? deadline = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var wait = options.ConnectTimeout * servers.Servers.Count + options.OperationTimeout;
        if (!await _slots.WaitAsync(wait, cancellationToken).ConfigureAwait(false))
        {
            throw new DirectoryUnavailableException($"All {options.PoolSize} {name} connections stayed busy for {wait}.");
        }

        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var result = await ExecuteWithFailoverAsync(operation, deadline ?? options.OperationTimeout, cancellationToken).ConfigureAwait(false);
            succeeded = true;
            return result;
        }
        finally
        {
            _slots.Release();
            metrics?.LdapOperation(name, Stopwatch.GetElapsedTime(started), succeeded);
        }
    }

    private async Task<T> ExecuteWithFailoverAsync<T>(Func<PooledLdapConnection, T> operation, TimeSpan deadline, CancellationToken cancellationToken)
    {
        HashSet<LdapServer>? tried = null; // Only needed on trouble or a fresh connect.
        Exception? lastError = null;
        var allowReuse = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reused = allowReuse ? TakeIdle() : null;
            var connection = reused;
            if (connection is null)
            {
                (connection, lastError) = await ConnectAsync(tried ??= [], lastError, cancellationToken).ConfigureAwait(false);
            }

            if (connection is null)
            {
                var serverList = string.Join(", ", servers.Servers.Select(s => s.Url));
                if (_outages.ShouldLog($"No directory server answered ({serverList}) for the {name} pool"))
                {
                    logger.LogError("No directory server answered ({Servers}); last error: {Error}", serverList, lastError?.Message);
                }
                throw new DirectoryUnavailableException("No directory server answered.", lastError ?? new InvalidOperationException("No servers."));
            }

            try
            {
                var result = await connection.RunAsync(operation, deadline).ConfigureAwait(false);
                Return(connection);
                servers.MarkUp(connection.Server);
                return result;
            }
            catch (Exception ex) when (LdapFailures.IsServerFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                connection.Dispose();
                lastError = ex;
                if (reused is not null && !LdapFailures.IsTimeout(ex))
                {
                    // An idle connection may just be stale (server restarted): drop its siblings and retry fresh.
                    connection.Server.Invalidate();
                    allowReuse = false;
                    continue;
                }

                (tried ??= []).Add(connection.Server);
                servers.MarkDown(connection.Server, ex);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    private PooledLdapConnection? TakeIdle()
    {
        var preferred = servers.Preferred;
        while (_idle.TryPop(out var connection))
        {
            // Discard connections that are stale or, after a recovery, point at a less preferred server.
            if (!connection.IsStale && connection.Server == preferred)
            {
                return connection;
            }

            connection.Dispose();
        }

        return null;
    }

    private void Return(PooledLdapConnection connection)
    {
        if (_disposed || connection.IsStale)
        {
            connection.Dispose();
            return;
        }

        _idle.Push(connection);
    }

    private async Task<(PooledLdapConnection? Connection, Exception? LastError)> ConnectAsync(
        HashSet<LdapServer> tried, Exception? lastError, CancellationToken cancellationToken)
    {
        foreach (var server in servers.Candidates().Where(s => !tried.Contains(s)).ToList())
        {
            PooledLdapConnection? pooled = null;
            try
            {
                await ProbeAsync(server, cancellationToken).ConfigureAwait(false);
                pooled = new PooledLdapConnection(server, Create(server));
                if (options.UseStartTls && !server.IsLdaps)
                {
                    await pooled.RunAsync(c => { StartTls(c.Connection); return true; }, options.OperationTimeout).ConfigureAwait(false);
                }

                if (serviceCredential is not null)
                {
                    await pooled.RunAsync(c => { c.Connection.Bind(serviceCredential); return true; }, options.OperationTimeout).ConfigureAwait(false);
                }

                return (pooled, lastError);
            }
            catch (LdapException ex) when (ex.ErrorCode == LdapFailures.InvalidCredentials)
            {
                pooled?.Dispose();
                logger.LogError("The directory rejected the service account {ServiceBindDn} on {Server}", options.ServiceBindDn, server.Url);
                throw new DirectoryUnavailableException("The directory rejected the service account's credentials.", ex);
            }
            catch (Exception ex) when (LdapFailures.IsServerFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                pooled?.Dispose();
                lastError = ex;
                tried.Add(server);
                servers.MarkDown(server, ex);
            }
            catch
            {
                pooled?.Dispose();
                throw;
            }
        }

        return (null, lastError);
    }

    // libldap has no per-connection connect timeout through S.DS.P: a TCP probe bounds it instead.
    private async Task ProbeAsync(LdapServer server, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(server.Host, server.Port, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Connecting to {server.Url} took longer than {options.ConnectTimeout}.", ex);
        }
    }

    private LdapConnection Create(LdapServer server)
    {
        var identifier = new LdapDirectoryIdentifier(server.Host, server.Port, fullyQualifiedDnsHostName: false, connectionless: false);
        var connection = new LdapConnection(identifier) { AuthType = AuthType.Basic, Timeout = options.OperationTimeout };
        try
        {
            var session = connection.SessionOptions;
            session.ProtocolVersion = 3;
            session.ReferralChasing = ReferralChasingOptions.None;
            if (!string.IsNullOrEmpty(options.TrustedCertificatesDirectory) && !OperatingSystem.IsWindows())
            {
                session.TrustedCertificatesDirectory = options.TrustedCertificatesDirectory;
                session.StartNewTlsSessionContext();
            }

            if (server.IsLdaps)
            {
                session.SecureSocketLayer = true;
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Upgrades a fresh connection to TLS before any credential crosses it. On Linux, S.DS.P 10 gives libldap
    /// the server's address only when it first binds, and StartTransportLayerSecurity does not connect by
    /// itself (it fails with "server unavailable"), so an anonymous bind, which carries no secret, opens the
    /// connection first. A certificate the trusted CAs do not vouch for fails here with "connect error".
    /// </summary>
    private static void StartTls(LdapConnection connection)
    {
        connection.AuthType = AuthType.Anonymous;
        connection.Bind();
        connection.AuthType = AuthType.Basic;
        connection.SessionOptions.StartTransportLayerSecurity(null);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var connection))
        {
            connection.Dispose();
        }

        _slots.Dispose();
        _outages.Dispose();
    }
}
