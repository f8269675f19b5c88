using GatewayPortal.Portal.Authorization;
using GatewayPortal.Portal.SignIn;
using Microsoft.AspNetCore.Authorization;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the portal's authorization policies.</summary>
public static class PortalAuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PortalAuthenticationDefaults.AdministratorPolicy"/>: a session of a member of one of the configured
    /// administrator groups.
    /// </summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalAuthenticationDefaults.AdministratorPolicy, p => p
                .RequireAuthenticatedUser()
                .AddAuthenticationSchemes(PortalAuthenticationDefaults.SessionScheme)
                .AddRequirements(new AdministratorRequirement()));
        services.AddSingleton<IAuthorizationHandler, AdministratorRequirementHandler>();
        return services;
    }
}
