using GatewayPortal.Identity.Directory;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GatewayPortal.Portal.Health;

/// <summary>Healthy when a directory server answers a service-bound search.</summary>
internal sealed class DirectoryHealthCheck(IDirectoryService directory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await directory.CheckHealthAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["server"] = health.Server ?? "",
            ["latencyMs"] = Math.Round(health.Latency.TotalMilliseconds, 1),
        };
        return health.IsAvailable
            ? HealthCheckResult.Healthy("Directory answers.", data)
            : HealthCheckResult.Unhealthy(health.Error ?? "No directory server answers.", data: data);
    }
}
