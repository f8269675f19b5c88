using GatewayPortal.Boards.Access;
using GatewayPortal.Boards.Posts;
using GatewayPortal.Boards.Rendering;
using GatewayPortal.Boards.Storage;
using GatewayPortal.Data;
using GatewayPortal.Portal.Boards;
using GatewayPortal.Portal.Data;
using GatewayPortal.Portal.Search;
using GatewayPortal.Portal.SignIn;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Indexing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the notice boards with the portal's database, directory and wiki renderer, and the board seeder.</summary>
public static class PortalBoardsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the boards library, its adapters, the claims-to-viewer mapping, the organisation/demo board seeder and the sync of
    /// department boards from the org chart.
    /// </summary>
    public static IServiceCollection AddPortalBoardServices(this IServiceCollection services)
    {
        services.AddPortalBoards();
        services.AddOptions<BoardSeedOptions>().BindConfiguration(BoardSeedOptions.SectionName);
        services.TryAddScoped<IBoardsDbContext>(sp => sp.GetRequiredService<PortalDbContext>());
        services.TryAddScoped<IBoardGroupDirectory, DirectoryBoardGroups>();
        services.TryAddScoped<INoticeBodyRenderer, WikiNoticeBodyRenderer>();
        services.TryAddScoped<SessionPersonReader>();
        services.TryAddScoped<BoardViewerFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BoardSeeder>());
        services.TryAddSingleton<DepartmentBoardSync>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DepartmentBoardSync>(sp => sp.GetRequiredService<DepartmentBoardSync>()));

        // Search: saved posts are indexed here at once and on the other nodes through the change feed; the clock adds and removes the rest.
        services.TryAddEnumerable(ServiceDescriptor.Scoped<INoticeChangeListener, NoticeSearchUpdater>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchChangeHandler, NoticeSearchChangeHandler>());
        services.TryAddSingleton<NoticeSearchSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchSource, NoticeSearchSource>(sp => sp.GetRequiredService<NoticeSearchSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NoticeSearchScheduler>());
        return services;
    }
}
