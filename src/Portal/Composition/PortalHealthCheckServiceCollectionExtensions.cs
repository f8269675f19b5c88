using GatewayPortal.Portal.Data;
using GatewayPortal.Portal.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the readiness checks that /health reports (mapped by <c>MapHealthEndpoints</c>).</summary>
public static class PortalHealthCheckServiceCollectionExtensions
{
    /// <summary>Adds the database, directory and search index checks.</summary>
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<GatewayPortal.Portal.Observability.RequestFailureLog>();
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: [HealthCheckTags.Ready])
            .AddCheck<DirectoryHealthCheck>("directory", tags: [HealthCheckTags.Ready])
            .AddCheck<IndexHealthCheck>("index", tags: [HealthCheckTags.Ready]);
        return services;
    }
}
