namespace GatewayPortal.Cluster;

/// <summary>
/// Named leases in the database: at most one node of the cluster holds an unexpired lease of a name, so jobs such as
/// the crawler or a purge run on one node at a time. A holder renews before expiry; a lost node's lease expires.
/// </summary>
public interface ILeaseService
{
    /// <summary>This node's name (option <c>Cluster:NodeName</c>; default machine name and process id).</summary>
    string NodeName { get; }

    /// <summary>Takes the lease, or renews it when this node holds it; false while another node holds it unexpired.</summary>
    Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up if this node holds it, so another node may take it at once.</summary>
    Task ReleaseAsync(string name, CancellationToken cancellationToken);
}
