using GatewayPortal.Portal.Operations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the operator command line's verbs (see <see cref="PortalCommandLine"/>).</summary>
public static class PortalCommandsServiceCollectionExtensions
{
    /// <summary>Adds every verb. One line per verb, kept in name order.</summary>
    public static IServiceCollection AddPortalCommands(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new PortalServiceDescriptors(services));
        services.AddPortalCommand<CatalogCommand>();
        services.AddPortalCommand<ConfigCheckCommand>();
        services.AddPortalCommand<IndexCommand>();
        services.AddPortalCommand<KeysCommand>();
        services.AddPortalCommand<MigrateCommand>();
        services.AddPortalCommand<SessionsCommand>();
        return services;
    }

    /// <summary>Adds one verb.</summary>
    public static IServiceCollection AddPortalCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, IPortalCommand
    {
        services.AddSingleton<IPortalCommand, TCommand>();
        return services;
    }
}
