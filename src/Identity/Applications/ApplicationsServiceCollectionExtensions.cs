using GatewayPortal.Identity.Applications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the application catalogue and launcher.</summary>
public static class ApplicationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ILauncherService"/> and the <see cref="ApplicationSeeder"/> bound to <c>Applications:Seed</c>.
    /// The host must register a scoped <see cref="IApplicationsDbContext"/> and OpenIddict core (the seeder uses
    /// <c>IOpenIddictApplicationManager</c>), and register this after its database migrator so the tables exist
    /// when the seeder starts. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalApplications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ApplicationSeedOptions>()
            .Bind(configuration.GetSection(ApplicationSeedOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApplicationCatalogue>();
        services.TryAddScoped<ILauncherService, LauncherService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ApplicationSeeder>());
        // After the seeder, so that demo data seeded by mistake is caught too.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DemoSecretGuard>());
        return services;
    }
}
