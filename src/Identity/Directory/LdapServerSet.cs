using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Directory;

/// <summary>The configured servers in order of preference, with failover marks.</summary>
internal sealed class LdapServerSet
{
    private readonly LdapOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LdapServerSet> _logger;

    public LdapServerSet(IOptions<LdapOptions> options, TimeProvider time, ILogger<LdapServerSet> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        Servers = [.. _options.Servers.Select(url => LdapServer.TryParse(url, out var server)
            ? server
            : throw new InvalidOperationException($"Directory:Servers entry '{url}' is not an ldap:// or ldaps:// URL."))];
    }

    public IReadOnlyList<LdapServer> Servers { get; }

    /// <summary>The first server not marked down, or null when all are.</summary>
    public LdapServer? Preferred
    {
        get
        {
            var now = _time.GetUtcNow();
            return Servers.FirstOrDefault(s => !s.IsMarkedDown(now));
        }
    }

    /// <summary>Servers to try: those not marked down in order, then the marked-down ones once anyway.</summary>
    public IEnumerable<LdapServer> Candidates()
    {
        var now = _time.GetUtcNow();
        return Servers.Where(s => !s.IsMarkedDown(now)).Concat(Servers.Where(s => s.IsMarkedDown(now)));
    }

    public void MarkDown(LdapServer server, Exception error)
    {
        var until = _time.GetUtcNow() + _options.ServerRetryAfter;
        server.MarkDown(until);
        var next = Preferred;
        _logger.LogWarning(
            "Directory server {Server} failed ({Error}); skipping it until {Until:O}, failing over to {Next}",
            server.Url, error.GetType().Name + ": " + error.Message, until, next?.Url ?? "(none available)");
    }

    public void MarkUp(LdapServer server)
    {
        if (server.MarkUp())
        {
            _logger.LogInformation("Directory server {Server} answers again", server.Url);
        }
    }
}
