using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Search.Changes;

/// <summary>How this node follows the search change feed (section <c>Cluster</c>, beside the node's name).</summary>
public sealed class SearchChangeFeedOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cluster";

    /// <summary>How often the search change feed is read.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:05", ErrorMessage = "Cluster:FeedPollInterval must be between 50 ms and 5 s.")]
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a missing sequence number is waited for (a transaction that took it may commit later) before the
    /// feed is read past it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Cluster:FeedGapWait must be between 1 s and 10 minutes.")]
    public TimeSpan FeedGapWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long feed entries are kept; a node that was down longer rebuilds its index on start.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00", ErrorMessage = "Cluster:FeedRetention must be between 1 hour and 30 days.")]
    public TimeSpan FeedRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Index lag above which the index health check reports Degraded.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Cluster:IndexLagDegradedAfter must be between 1 s and 1 hour.")]
    public TimeSpan IndexLagDegradedAfter { get; set; } = TimeSpan.FromSeconds(30);
}
