namespace GatewayPortal.Search.Changes;

/// <summary>
/// Named leases shared by the cluster (the host adapts its lease service): at most one node holds an unexpired lease
/// of a name, so the crawler and the feed purge run on one node at a time.
/// </summary>
public interface ISearchLeases
{
    /// <summary>Takes the lease, or renews it when this node holds it; false while another node holds it unexpired.</summary>
    Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up if this node holds it.</summary>
    Task ReleaseAsync(string name, CancellationToken cancellationToken);
}
