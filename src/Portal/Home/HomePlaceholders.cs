using GatewayPortal.Boards;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Watch;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GatewayPortal.Portal.Home;

// TEMPORARY (issue #15 coordination): empty answers for the home page's sources while boards, counters and the watch list
// are built on their own branches. The coordinator deletes this file and its call in Program.cs at merge; the real
// registrations replace it. Registered with TryAdd, last, so a real registration always wins.
internal static class HomePlaceholders
{
    public static IServiceCollection AddPortalHomePlaceholders(this IServiceCollection services)
    {
        services.TryAddSingleton<INoticeHeadlines, NoNotices>();
        services.TryAddSingleton<IWorkCounterReader, NoCounters>();
        services.TryAddSingleton<IWikiWatchList, NoWatchList>();
        return services;
    }

    private sealed class NoNotices : INoticeHeadlines
    {
        public Task<IReadOnlyList<NoticeHeadline>> GetForHomeAsync(BoardViewer viewer, int count, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<NoticeHeadline>>([]);
    }

    private sealed class NoCounters : IWorkCounterReader
    {
        public Task<IReadOnlyList<WorkCounter>> GetForSubjectAsync(string subjectId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<WorkCounter>>([]);
    }

    private sealed class NoWatchList : IWikiWatchList
    {
        public Task<bool> IsWatchingAsync(string subject, long pageId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<bool> ToggleAsync(WikiActor actor, long pageId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<IReadOnlyList<RecentChange>> GetChangesForAsync(WikiActor actor, int count, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RecentChange>>([]);
    }
}
