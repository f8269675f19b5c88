using GatewayPortal.Cluster;
using GatewayPortal.Search.Changes;

namespace GatewayPortal.Portal.Search;

/// <summary>Gives search this node's cluster name and the cluster's database leases.</summary>
internal sealed class ClusterSearchAdapter(ClusterNode node, ILeaseService leases) : ISearchNode, ISearchLeases
{
    /// <inheritdoc/>
    public string Name => node.Name;

    /// <inheritdoc/>
    public Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken) =>
        leases.TryAcquireAsync(name, duration, cancellationToken);

    /// <inheritdoc/>
    public Task ReleaseAsync(string name, CancellationToken cancellationToken) => leases.ReleaseAsync(name, cancellationToken);
}
