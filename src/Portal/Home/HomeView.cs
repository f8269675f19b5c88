using GatewayPortal.Boards;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Wiki.Pages;

namespace GatewayPortal.Portal.Home;

/// <summary>Everything the home page shows one person.</summary>
/// <param name="Work">할 일: counters of systems the person may use.</param>
/// <param name="Notices">공지: pinned first, then newest.</param>
/// <param name="Favorites">즐겨찾기, oldest pin first.</param>
/// <param name="Recent">최근 사용, newest first.</param>
/// <param name="Maintenance">오늘 점검: systems under maintenance the person uses (favourites, recent or counters).</param>
/// <param name="WikiChanges">위키 변경: changes by others to pages the person watches or wrote.</param>
/// <param name="CountsByApplication">Counters summed per application id (tile badges).</param>
public sealed record HomeView(
    IReadOnlyList<HomeWorkItem> Work,
    IReadOnlyList<NoticeHeadline> Notices,
    IReadOnlyList<LauncherApp> Favorites,
    IReadOnlyList<LauncherApp> Recent,
    IReadOnlyList<LauncherApp> Maintenance,
    IReadOnlyList<RecentChange> WikiChanges,
    IReadOnlyDictionary<int, long> CountsByApplication);
