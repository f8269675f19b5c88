using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Directory;

/// <summary>The two pools: service-bound connections for searches, and connections for user binds.</summary>
internal sealed class LdapConnectionPools : IDisposable
{
    public LdapConnectionPools(LdapServerSet servers, IOptions<LdapOptions> options, ILogger<LdapConnectionPools> logger)
    {
        var value = options.Value;
        Search = new LdapConnectionPool("search", servers, value, new NetworkCredential(value.ServiceBindDn, value.ServiceBindPassword), logger);
        Bind = new LdapConnectionPool("bind", servers, value, serviceCredential: null, logger);
    }

    public LdapConnectionPool Search { get; }

    public LdapConnectionPool Bind { get; }

    public void Dispose()
    {
        Search.Dispose();
        Bind.Dispose();
    }
}
