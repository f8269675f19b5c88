using GatewayPortal.Boards;
using GatewayPortal.Boards.Departments;
using GatewayPortal.Boards.Posts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the notice boards.</summary>
public static class BoardsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the reader, writer, board admin and home headlines. The host registers <see cref="GatewayPortal.Boards.Storage.IBoardsDbContext"/>,
    /// <see cref="GatewayPortal.Boards.Access.IBoardGroupDirectory"/> and <see cref="GatewayPortal.Boards.Rendering.INoticeBodyRenderer"/>.
    /// </summary>
    public static IServiceCollection AddPortalBoards(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<BoardsMetrics>();
        services.TryAddScoped<INoticeReader, NoticeReader>();
        services.TryAddScoped<INoticeWriter, NoticeWriter>();
        services.TryAddScoped<IBoardAdmin, BoardAdmin>();
        services.TryAddScoped<INoticeHeadlines, NoticeHeadlines>();
        return services;
    }
}
