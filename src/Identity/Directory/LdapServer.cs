using System.Diagnostics.CodeAnalysis;

namespace GatewayPortal.Identity.Directory;

/// <summary>One configured directory server and its health mark.</summary>
internal sealed class LdapServer(string host, int port, bool isLdaps)
{
    private long _downUntilTicks;
    private int _generation;

    public string Host => host;

    public int Port => port;

    public bool IsLdaps => isLdaps;

    public string Url => $"{(isLdaps ? "ldaps" : "ldap")}://{host}:{port}/";

    /// <summary>The server is this machine (traffic never leaves it).</summary>
    public bool IsLoopback => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    /// <summary>Bumped when a pooled connection to this server breaks, so older idle ones are discarded.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public bool IsMarkedDown(DateTimeOffset now) => now.UtcTicks < Interlocked.Read(ref _downUntilTicks);

    public void MarkDown(DateTimeOffset until)
    {
        Interlocked.Exchange(ref _downUntilTicks, until.UtcTicks);
        Invalidate();
    }

    /// <summary>Clears the down mark; returns true when the server was marked down.</summary>
    public bool MarkUp() => Interlocked.Exchange(ref _downUntilTicks, 0) != 0;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public override string ToString() => Url;

    public static bool TryParse(string? url, [NotNullWhen(true)] out LdapServer? server)
    {
        server = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)
            || uri.AbsolutePath is not ("/" or "") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var isLdaps = uri.Scheme switch
        {
            "ldap" => false,
            "ldaps" => true,
            _ => (bool?)null,
        };
        if (isLdaps is null)
        {
            return false;
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? (isLdaps.Value ? 636 : 389) : uri.Port;
        server = new LdapServer(uri.Host, port, isLdaps.Value);
        return true;
    }
}
