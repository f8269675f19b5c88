using System.DirectoryServices.Protocols;

namespace GatewayPortal.Identity.Directory;

/// <summary>A connection checked out of a pool, with the server it talks to.</summary>
internal sealed class PooledLdapConnection(LdapServer server, LdapConnection connection) : IDisposable
{
    public LdapServer Server => server;

    public LdapConnection Connection => connection;

    /// <summary>The server's generation when this connection was made; older connections are stale.</summary>
    public int Generation { get; } = server.Generation;

    public bool IsStale => Generation != server.Generation;

    public void Dispose() => connection.Dispose();
}
