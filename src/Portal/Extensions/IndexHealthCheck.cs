using System.Globalization;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Extensions;

/// <summary>
/// Healthy when this node's index answers a search and follows the other nodes' changes closely; Degraded while it is
/// being built or lags more than <see cref="SearchChangeFeedOptions.IndexLagDegradedAfter"/>; Unhealthy when it cannot be read.
/// </summary>
internal sealed class IndexHealthCheck(ISearchIndex index, IOptions<SearchChangeFeedOptions> options, SearchChangeFollowerState? follower = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IndexStatus status;
        try
        {
            // Counting documents runs a query on the current searcher: the index is open and searchable.
            status = index.GetStatus();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The search index cannot be searched.", ex));
        }

        var data = new Dictionary<string, object>
        {
            ["documents"] = status.DocumentCount,
            ["openState"] = status.OpenState.ToString(),
        };
        if (follower is not null)
        {
            data["lagSeconds"] = Math.Round(follower.Lag.TotalSeconds, 1);
            data["feedPosition"] = follower.Position;
        }

        if (status.NeedsRebuild)
        {
            return Task.FromResult(HealthCheckResult.Degraded("The search index is being built.", data: data));
        }

        var threshold = options.Value.IndexLagDegradedAfter;
        return Task.FromResult(follower is not null && follower.Lag > threshold
            ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"The search index is more than {threshold.TotalSeconds:0} s behind other nodes' changes."), data: data)
            : HealthCheckResult.Healthy("The search index answers and is current.", data));
    }
}
