using GatewayPortal.Boards;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Watch;

namespace GatewayPortal.Portal.IntegrationTests.Home;

/// <summary>
/// Stand-ins for the home's three sources whose real implementations live on other branches of issue #15: whatever
/// the test (or bench/HomeBench) puts here is what every person sees. Empty until set.
/// </summary>
public sealed class HomeDemoSources : INoticeHeadlines, IWorkCounterReader, IWikiWatchList
{
    public IReadOnlyList<WorkCounter> Counters { get; set; } = [];

    public IReadOnlyList<NoticeHeadline> Notices { get; set; } = [];

    public IReadOnlyList<RecentChange> Changes { get; set; } = [];

    public void Clear()
    {
        Counters = [];
        Notices = [];
        Changes = [];
    }

    public Task<IReadOnlyList<NoticeHeadline>> GetForHomeAsync(BoardViewer viewer, int count, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<NoticeHeadline>>([.. Notices.Take(count)]);

    public Task<IReadOnlyList<WorkCounter>> GetForSubjectAsync(string subjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Counters);

    public Task<bool> IsWatchingAsync(string subject, long pageId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<bool> ToggleAsync(WikiActor actor, long pageId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<IReadOnlyList<RecentChange>> GetChangesForAsync(WikiActor actor, int count, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RecentChange>>([.. Changes.Take(count)]);
}
