using Microsoft.AspNetCore.DataProtection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ASP.NET Core Data Protection with its key ring in the portal's database.</summary>
public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>Keeps the Data Protection keys in the database (encrypted at rest when configured), after <c>AddPortalDatabase</c>.</summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Keys in the database: every node of a cluster reads the same cookies.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("GatewayPortal")
            .PersistKeysToDbContext<PortalDbContext>();
        GatewayPortal.Portal.Security.KeyEncryption.Configure(dataProtection, configuration, environment);
        return services;
    }
}
