using System.Net;

namespace GatewayPortal.Portal.Observability;

/// <summary>The networks allowed to scrape <see cref="MetricsEndpoint.Path"/>.</summary>
internal sealed class MetricsAccess(IReadOnlyList<IPNetwork> networks)
{
    /// <summary>True when <paramref name="address"/> (an IPv4-mapped IPv6 address as its IPv4 form) is in an allowed network.</summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var normalised = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(normalised));
    }
}
