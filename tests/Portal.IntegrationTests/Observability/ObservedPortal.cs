using GatewayPortal.Identity.Directory;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.Observability;
using GatewayPortal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.IntegrationTests.Observability;

/// <summary>
/// A portal whose log lines are captured as the JSON formatter writes them, with a node name, a fast session count
/// refresh, and two test-only routes inside the pipeline: <c>/test/defect</c> (a 500) and <c>/test/outage</c> (the
/// directory is down: a 503).
/// </summary>
public sealed class ObservedPortal(SlapdFixture directory) : PortalApplicationFactory(directory, new Dictionary<string, string?>
{
    ["Logging:Format"] = "json",
    ["Cluster:NodeName"] = NodeName,
    ["Metrics:ActiveSessionsRefresh"] = "00:00:00.2",
})
{
    /// <summary>The node's configured name.</summary>
    public const string NodeName = "obs-node";

    /// <summary>The captured log lines.</summary>
    public JsonLogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(sp => Logs.Attach(sp.GetRequiredService<IOptionsMonitor<PortalJsonConsoleFormatterOptions>>()));
            services.AddSingleton<IStartupFilter, FailingRoutes>();
        });
    }

    // After the application's pipeline: reached through the exception handler when no endpoint answered the path.
    private sealed class FailingRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path.Value switch
            {
                "/test/defect" => throw new InvalidOperationException("A defect for the error page's trace id."),
                "/test/outage" => throw new DirectoryUnavailableException("No directory server answered (test outage)."),
                _ => nextMiddleware(context),
            });
        };
    }
}
