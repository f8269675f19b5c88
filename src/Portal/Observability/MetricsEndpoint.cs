namespace GatewayPortal.Portal.Observability;

/// <summary>The Prometheus scraping endpoint, answered only to the networks in <c>Metrics:AllowedNetworks</c>.</summary>
public static class MetricsEndpoint
{
    /// <summary>The scraping path.</summary>
    public const string Path = "/metrics";

    /// <summary>Answers <c>/metrics</c> for allowed addresses; everyone else gets the ordinary 404.</summary>
    public static IApplicationBuilder UsePortalMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var access = app.ApplicationServices.GetRequiredService<MetricsAccess>();
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == Path && access.Allows(context.Connection.RemoteIpAddress));
    }
}
