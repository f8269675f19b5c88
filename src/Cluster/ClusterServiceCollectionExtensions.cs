using GatewayPortal.Cluster;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers this node's identity in the cluster and the database leases.</summary>
public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ClusterOptions"/> (section <c>Cluster</c>, validated at start), <see cref="ClusterNode"/> and
    /// <see cref="ILeaseService"/>. The host registers an <see cref="IClusterDbContextFactory"/>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalCluster(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ClusterNode)))
        {
            return services;
        }

        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClusterNode>();
        services.AddSingleton<ILeaseService, LeaseService>();
        return services;
    }
}
