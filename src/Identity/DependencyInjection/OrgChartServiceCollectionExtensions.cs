using GatewayPortal.Identity.OrgChart;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the org chart.</summary>
public static class OrgChartServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IOrgChart"/>: an in-memory chart read from the directory (settings in the <c>Directory</c>
    /// section) on start and in the background. Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddPortalOrgChart(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPortalDirectory(configuration);
        if (services.Any(d => d.ServiceType == typeof(OrgChartCache)))
        {
            return services;
        }

        services.TryAddSingleton<IOrgChartReader, LdapOrgChartReader>();
        services.AddSingleton<OrgChartCache>();
        services.TryAddSingleton<IOrgChart>(sp => sp.GetRequiredService<OrgChartCache>());
        services.AddHostedService(sp => sp.GetRequiredService<OrgChartCache>());
        return services;
    }
}
