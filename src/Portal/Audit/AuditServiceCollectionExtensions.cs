using GatewayPortal.Identity.Audit;
using GatewayPortal.Portal.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the admin audit trail's actor, the audit retention setting and its purge job.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>Adds <see cref="HttpAdminAuditActorSource"/>, <see cref="AuditOptions"/> (validated at start) and <see cref="AuditPurgeJob"/>.</summary>
    public static IServiceCollection AddPortalAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton<IAdminAuditActorSource, HttpAdminAuditActorSource>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.AddSingleton<AuditPurgeJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditPurgeJob>());
        return services;
    }
}
