using GatewayPortal.Portal.Footer;
using GatewayPortal.Portal.Home;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the home page's reader and the footer's options (validated at start).</summary>
public static class PortalHomeServiceCollectionExtensions
{
    /// <summary>Adds <see cref="HomeService"/> and <c>Portal:Footer</c>.</summary>
    public static IServiceCollection AddPortalHome(this IServiceCollection services)
    {
        services.TryAddScoped<HomeService>();
        services.AddMemoryCache();
        services.TryAddSingleton<PersonalViewCache>();
        services.AddOptions<HomeCacheOptions>().BindConfiguration(HomeCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortalFooterOptions>, PortalFooterOptionsValidator>());
        services.AddOptions<PortalFooterOptions>().BindConfiguration(PortalFooterOptions.SectionName).ValidateOnStart();
        return services;
    }
}
