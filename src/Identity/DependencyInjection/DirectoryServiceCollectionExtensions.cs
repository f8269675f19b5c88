using GatewayPortal.Identity.Directory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the LDAP directory.</summary>
public static class DirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDirectoryService"/> over LDAP, bound to the <c>Directory</c> configuration section and
    /// validated at startup. Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddPortalDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Binding twice would append list items (Servers) a second time.
        if (services.Any(d => d.ServiceType == typeof(LdapDirectoryService)))
        {
            return services;
        }

        services.AddOptions<LdapOptions>()
            .Bind(configuration.GetSection(LdapOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LdapOptions>, LdapOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<GatewayPortal.Identity.Telemetry.IdentityMetrics>();
        services.TryAddSingleton<GatewayPortal.Identity.Telemetry.SecurityEventLog>();
        services.TryAddSingleton<LdapServerSet>();
        services.TryAddSingleton<LdapConnectionPools>();
        services.TryAddSingleton<DirectoryGroupCache>();
        services.TryAddSingleton<LdapDirectoryService>();
        services.TryAddSingleton<IDirectoryService>(sp => sp.GetRequiredService<LdapDirectoryService>());
        services.TryAddSingleton<IDirectoryMembershipSource>(sp => sp.GetRequiredService<LdapDirectoryService>());
        services.TryAddSingleton<DirectoryMembershipCache>();
        services.TryAddSingleton<DirectoryReadCache>();
        services.TryAddSingleton<GatewayPortal.Identity.Applications.Admin.IDirectoryGroupLookup, LdapDirectoryGroupLookup>();
        return services;
    }
}
