namespace GatewayPortal.Identity.OrgChart;

/// <summary>Where a snapshot's departments came from.</summary>
public enum OrgChartSource
{
    /// <summary>The directory's <c>organizationalUnit</c> tree.</summary>
    OuTree,

    /// <summary>No tree was found: departments built from the people's <c>ou</c> path strings.</summary>
    PeoplePaths,
}
