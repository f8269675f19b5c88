namespace GatewayPortal.Identity.OrgChart;

/// <summary>
/// The org chart in memory: read from the directory on start and every few minutes in the background, each reading
/// built off to the side and swapped in whole. A directory outage keeps the last good snapshot.
/// </summary>
public interface IOrgChart
{
    /// <summary>The latest snapshot, or null before the first reading has finished.</summary>
    OrgChartSnapshot? Current { get; }

    /// <summary>
    /// The latest snapshot; before the first reading, waits for it at most the configured
    /// <c>Directory:OrgChartFirstLoadWait</c> and returns null if it has not arrived (show "loading").
    /// </summary>
    Task<OrgChartSnapshot?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Every department (code, name, parent code), parents first; empty before the first reading.</summary>
    IReadOnlyList<OrgDepartmentInfo> ListDepartments();

    /// <summary>Reads the chart now and swaps it in; on failure throws and keeps the last snapshot.</summary>
    Task<OrgChartSnapshot> RefreshAsync(CancellationToken cancellationToken = default);
}
