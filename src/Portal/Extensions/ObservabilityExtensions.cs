using System.Net;
using GatewayPortal.Identity.Telemetry;
using OpenTelemetry.Metrics;

namespace GatewayPortal.Portal.Extensions;

/// <summary>
/// OpenTelemetry metrics — the portal's own (sign-ins, token responses, LDAP latency), ASP.NET Core's and the
/// runtime's — exposed at <c>/metrics</c> in Prometheus' text format, only to addresses in <c>Metrics:AllowedNetworks</c>.
/// </summary>
public static class ObservabilityExtensions
{
    /// <summary>The scraping path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Adds the meters and the Prometheus exporter.</summary>
    public static IServiceCollection AddPortalObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var networks = configuration.GetSection("Metrics:AllowedNetworks").Get<string[]>() ?? ["127.0.0.0/8", "::1/128"];
        var allowed = new List<IPNetwork>();
        foreach (var network in networks)
        {
            allowed.Add(IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Metrics:AllowedNetworks entry '{network}' is not a network such as 10.0.0.0/8."));
        }

        services.AddSingleton(new MetricsAccess(allowed));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IdentityMetrics.MeterName)
            .AddMeter(GatewayPortal.Search.Telemetry.SearchMetrics.MeterName)
            .AddMeter(GatewayPortal.Data.TransactionDurationMeter.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Answers <c>/metrics</c> for allowed addresses; everyone else gets the ordinary 404.</summary>
    public static IApplicationBuilder UsePortalMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var access = app.ApplicationServices.GetRequiredService<MetricsAccess>();
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath && access.Allows(context.Connection.RemoteIpAddress));
    }

    private sealed class MetricsAccess(IReadOnlyList<IPNetwork> networks)
    {
        public bool Allows(IPAddress? address)
        {
            if (address is null)
            {
                return false;
            }

            var normalised = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            return networks.Any(n => n.Contains(normalised));
        }
    }
}
