using GatewayPortal.Boards;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Titles;
using GatewayPortal.Wiki.Watch;

namespace GatewayPortal.Portal.Tests.Home;

/// <summary>Fakes of the home's four sources, with a small catalogue.</summary>
internal static class HomeFakes
{
    public static readonly LauncherApp Approval = App(1, "approval", "전자결재", ApplicationStatus.Active);
    public static readonly LauncherApp Mail = App(2, "mail", "메일", ApplicationStatus.Active);
    public static readonly LauncherApp Budget = App(3, "budget", "예산회계", ApplicationStatus.Maintenance, "12월 7일 18시까지 정기 점검");
    public static readonly LauncherApp Hr = App(4, "hr", "인사관리", ApplicationStatus.Active);
    public static readonly LauncherApp Cars = App(5, "cars", "관용차량", ApplicationStatus.Maintenance, "차량 예약 점검");

    public static LauncherApp App(int id, string clientId, string name, ApplicationStatus status, string? message = null, bool pinned = false) =>
        new(id, clientId, name, name + " 설명", "document", "https://" + clientId + ".example/", status, message, pinned);

    public static LauncherView View(IReadOnlyList<LauncherApp> favorites, IReadOnlyList<LauncherApp> recent, params LauncherApp[] all) =>
        new([new LauncherCategory("work", "업무", all)], favorites, recent);

    public static WorkCounter Counter(LauncherApp app, string key, string label, long value, string? url = null, string? labelEn = null) =>
        new(app.Id, app.ClientId, key, label, labelEn, value, url, DateTimeOffset.UnixEpoch);

    public static NoticeHeadline Notice(long id, string title, bool pinned = false, bool unread = false, int attachments = 0) =>
        new(id, "all", "전체 공지", title, null, new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), pinned, unread, attachments);

    public static RecentChange Change(string name, long revision, long? parent) =>
        new(new WikiTitle("", name), new WikiRevisionInfo(revision, 10, parent, "subject-lee", "이지영", new DateTimeOffset(2026, 12, 7, 0, 30, 0, TimeSpan.Zero), "고침", false, 100, 5));

    internal sealed class Launcher(LauncherView view) : ILauncherService
    {
        public Task<LauncherView> GetAsync(string subjectId, IReadOnlyCollection<string> userGroups, string? filter, CancellationToken cancellationToken = default) =>
            Task.FromResult(view);

        public Task<bool> TogglePinAsync(string subjectId, int applicationId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task RecordLaunchAsync(string subjectId, int applicationId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    internal sealed class FakeCounters(params WorkCounter[] counters) : IWorkCounterReader
    {
        public string? AskedFor { get; private set; }

        public Task<IReadOnlyList<WorkCounter>> GetForSubjectAsync(string subjectId, CancellationToken cancellationToken = default)
        {
            AskedFor = subjectId;
            return Task.FromResult<IReadOnlyList<WorkCounter>>(counters);
        }
    }

    internal sealed class Notices(params NoticeHeadline[] notices) : INoticeHeadlines
    {
        public BoardViewer? Viewer { get; private set; }

        public Task<IReadOnlyList<NoticeHeadline>> GetForHomeAsync(BoardViewer viewer, int count, CancellationToken cancellationToken = default)
        {
            Viewer = viewer;
            return Task.FromResult<IReadOnlyList<NoticeHeadline>>([.. notices.Take(count)]);
        }
    }

    internal sealed class Watch(params RecentChange[] changes) : IWikiWatchList
    {
        public IReadOnlyList<RecentChange> Changes => changes;

        public Task<bool> IsWatchingAsync(string subject, long pageId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<bool> ToggleAsync(WikiActor actor, long pageId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<IReadOnlyList<RecentChange>> GetChangesForAsync(WikiActor actor, int count, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RecentChange>>([.. changes.Take(count)]);
    }
}
