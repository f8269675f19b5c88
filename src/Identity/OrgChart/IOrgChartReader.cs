namespace GatewayPortal.Identity.OrgChart;

/// <summary>Reads a whole org chart from the directory (a batch job of seconds on a large directory).</summary>
public interface IOrgChartReader
{
    /// <summary>Reads the chart; throws <c>DirectoryUnavailableException</c> when no directory server answers.</summary>
    Task<OrgChartSnapshot> ReadAsync(CancellationToken cancellationToken);
}
