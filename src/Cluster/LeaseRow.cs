namespace GatewayPortal.Cluster;

/// <summary>A named lease: at most one node runs a job (a crawl, a purge) while it holds an unexpired lease.</summary>
public sealed class LeaseRow
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTime AcquiredUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }
}
