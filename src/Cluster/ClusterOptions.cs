using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Cluster;

/// <summary>How this node takes part in a cluster of portal nodes on one database (section <c>Cluster</c>).</summary>
public sealed class ClusterOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cluster";

    /// <summary>This node's name in leases and the search change feed; default machine name and process id.</summary>
    [RegularExpression(ClusterNode.NamePattern, ErrorMessage = "Cluster:NodeName must be 1-100 letters, digits, '.', '-' or '_'.")]
    public string? NodeName { get; set; }
}
