using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Identity.Throttling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the portal's identity services.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the directory client, sign-in throttling, the audit log writer and the TOTP second
    /// factor. The host must register <see cref="GatewayPortal.Identity.Storage.IIdentityDbContext"/>
    /// and Data Protection. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPortalDirectory(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LoginAliasCache>();
        services.AddMemoryCache();

        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignInThrottleOptions>, SignInThrottleOptionsValidator>());
        services.AddOptions<MfaOptions>().BindConfiguration(MfaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<ISignInThrottle, InMemorySignInThrottle>();
        services.TryAddSingleton<GatewayPortal.Identity.Telemetry.SecurityEventLog>();
        services.TryAddSingleton<SignInAuditWriter>();
        services.TryAddSingleton<ISignInAuditLog>(sp => sp.GetRequiredService<SignInAuditWriter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SignInAuditWriter>(sp => sp.GetRequiredService<SignInAuditWriter>()));
        services.TryAddSingleton<SessionRegistry>();
        services.TryAddSingleton<ISessionRegistry>(sp => sp.GetRequiredService<SessionRegistry>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SessionRegistry>(sp => sp.GetRequiredService<SessionRegistry>()));
        services.TryAddScoped<SignInAuditReader>();
        services.TryAddScoped<SignInStatistics>();
        services.TryAddScoped<AdminAuditReader>();
        services.TryAddScoped<IAdminAuditTrail, AdminAuditTrail>();
        services.TryAddScoped<IMfaService, TotpMfaService>();
        services.TryAddScoped<IPasswordSignInService, PasswordSignInService>();
        return services;
    }
}
