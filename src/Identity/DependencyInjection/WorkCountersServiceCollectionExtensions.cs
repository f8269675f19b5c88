using GatewayPortal.Identity.Applications.Counters;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the work counters that line-of-business systems push (storage, rules, purge).</summary>
public static class WorkCountersServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="WorkCounterStore"/> (also as <see cref="IWorkCounterReader"/>), the scoped
    /// <see cref="WorkCounterPublisher"/> and the purge. The host registers <see cref="IWorkCountersDbContextFactory"/>,
    /// the directory (<c>AddPortalIdentity</c>) and OpenIddict core.
    /// </summary>
    public static IServiceCollection AddGatewayWorkCounters(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkCounterStore>();
        services.AddSingleton<IWorkCounterReader>(sp => sp.GetRequiredService<WorkCounterStore>());
        services.TryAddScoped<WorkCounterPublisher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WorkCounterPurger>());
        return services;
    }
}
