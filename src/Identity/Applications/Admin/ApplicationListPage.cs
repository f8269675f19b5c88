namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>One page of registry rows.</summary>
/// <param name="Items">The rows, by client id.</param>
/// <param name="Total">How many rows match the query.</param>
/// <param name="Page">The 1-based page shown.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record ApplicationListPage(IReadOnlyList<PortalApplication> Items, int Total, int Page, int PageSize)
{
    /// <summary>The number of pages (at least 1).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
