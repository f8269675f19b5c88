using System.DirectoryServices.Protocols;

namespace GatewayPortal.Identity.Directory;

/// <summary>A connection checked out of a pool, with the server it talks to.</summary>
internal sealed class PooledLdapConnection(LdapServer server, LdapConnection connection) : IDisposable
{
    private Task? _inFlight;

    public LdapServer Server => server;

    public LdapConnection Connection => connection;

    /// <summary>The server's generation when this connection was made; older connections are stale.</summary>
    public int Generation { get; } = server.Generation;

    public bool IsStale => Generation != server.Generation;

    /// <summary>Runs a blocking call on the connection, giving up (and abandoning the connection) after <paramref name="deadline"/>.</summary>
    public async Task<T> RunAsync<T>(Func<PooledLdapConnection, T> operation, TimeSpan deadline)
    {
        var task = Task.Run(() => operation(this));
        _inFlight = task;
        try
        {
            // S.DS.P's own timeouts do not cover every call on Linux (a hung server blocks a bind or search for good).
            return await task.WaitAsync(deadline).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{server.Url} did not answer within {deadline}.", ex);
        }
    }

    public void Dispose()
    {
        // Never free the native handle under a call still blocked in it; free it when that call returns.
        if (_inFlight is { IsCompleted: false } running)
        {
            running.ContinueWith(_ => connection.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return;
        }

        connection.Dispose();
    }
}
