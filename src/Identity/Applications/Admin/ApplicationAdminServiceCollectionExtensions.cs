using GatewayPortal.Identity.Applications.Admin;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the application registry's administration.</summary>
public static class ApplicationAdminServiceCollectionExtensions
{
    /// <summary>
    /// Adds the scoped <see cref="ApplicationAdminService"/>. Allowed groups are checked with an
    /// <see cref="IDirectoryGroupLookup"/> when one is registered; without it, entries that name groups are refused.
    /// Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalApplicationAdmin(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ApplicationAdminService>();
        return services;
    }
}
