using System.Net;

namespace GatewayPortal.Portal.Observability;

/// <summary>
/// The networks that see /health in detail (each check, its description and data: server addresses among them),
/// <c>Health:DetailAllowedNetworks</c>, by default those of <c>Metrics:AllowedNetworks</c>; judged on the address after
/// the forwarded headers, as /metrics is. Everyone else gets the status word and the same HTTP status.
/// </summary>
internal sealed class HealthDetailAccess(IReadOnlyList<IPNetwork> networks)
{
    private readonly MetricsAccess _networks = new(networks);

    /// <summary>True when <paramref name="address"/> may see the checks' details.</summary>
    public bool Allows(IPAddress? address) => _networks.Allows(address);
}
