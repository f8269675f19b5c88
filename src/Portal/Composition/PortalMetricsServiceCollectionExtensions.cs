using System.Net;
using GatewayPortal.Identity.Telemetry;
using GatewayPortal.Portal.Observability;
using OpenTelemetry.Metrics;

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
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IdentityMetrics.MeterName)
            .AddMeter(GatewayPortal.Search.Telemetry.SearchMetrics.MeterName)
            .AddMeter(GatewayPortal.Data.TransactionDurationMeter.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
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
