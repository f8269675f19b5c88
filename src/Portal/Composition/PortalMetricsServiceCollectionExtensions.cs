using System.Net;
using GatewayPortal.Boards;
using GatewayPortal.Cluster;
using GatewayPortal.Identity.Telemetry;
using GatewayPortal.Portal.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers OpenTelemetry metrics — the portal's own (sign-ins, token responses, LDAP latency), ASP.NET Core's and the
/// runtime's — for the Prometheus exporter, which <c>UsePortalMetrics</c> serves at <c>/metrics</c> only to addresses in
/// <c>Metrics:AllowedNetworks</c>.
/// </summary>
public static class PortalMetricsServiceCollectionExtensions
{
    /// <summary>Adds the meters, the Prometheus exporter and the networks allowed to scrape it.</summary>
    public static IServiceCollection AddPortalMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var allowed = Networks(configuration, "Metrics:AllowedNetworks", ["127.0.0.0/8", "::1/128"]);
        services.AddSingleton(new MetricsAccess(allowed));
        services.AddSingleton(new HealthDetailAccess(configuration.GetSection("Health:DetailAllowedNetworks").Exists()
            ? Networks(configuration, "Health:DetailAllowedNetworks", [])
            : allowed));
        services.AddSingleton<PortalMetrics>();
        var sessionsRefresh = ActiveSessionsRefresher.PeriodFrom(configuration);
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ActiveSessionsRefresher>(sp, sessionsRefresh));
        services.AddOpenTelemetry()
            // target_info carries service_name="gatewayportal" and service_instance_id = the node's name (Cluster:NodeName).
            .ConfigureResource(resource => resource
                .AddService("gatewayportal", autoGenerateServiceInstanceId: false)
                .AddDetector(sp => new NodeResourceDetector(sp.GetRequiredService<ClusterNode>())))
            .WithMetrics(metrics => metrics
            .AddMeter(IdentityMetrics.MeterName)
            .AddMeter(PortalMetrics.MeterName)
            .AddMeter(BoardsMetrics.MeterName)
            // Npgsql's own: connection pool use (db.client.connection.*) and command durations, PostgreSQL only.
            .AddMeter("Npgsql")
            .AddMeter(GatewayPortal.Search.Telemetry.SearchMetrics.MeterName)
            .AddMeter(GatewayPortal.Data.TransactionDurationMeter.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    private sealed class NodeResourceDetector(ClusterNode node) : IResourceDetector
    {
        public Resource Detect() => new([new KeyValuePair<string, object>("service.instance.id", node.Name)]);
    }

    private static List<IPNetwork> Networks(IConfiguration configuration, string key, string[] defaults)
    {
        var networks = configuration.GetSection(key).Get<string[]>() ?? defaults;
        var allowed = new List<IPNetwork>();
        foreach (var network in networks)
        {
            allowed.Add(IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{key} entry '{network}' is not a network such as 10.0.0.0/8."));
        }

        return allowed;
    }
}
