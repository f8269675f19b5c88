using System.Globalization;
using GatewayPortal.Boards;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Wiki.Watch;

namespace GatewayPortal.Portal.Home;

/// <summary>
/// Reads the home page's sections. The reads run one after another: the launcher's and (after merge) the other
/// sources' queries share the request's scoped database context, which allows one query at a time; each is one or
/// two indexed queries and the catalogue comes from memory (bench/HomeBench measures the whole page).
/// </summary>
public sealed class HomeService(ILauncherService launcher, IWorkCounterReader counters, INoticeHeadlines notices, IWikiWatchList watchList)
{
    /// <summary>How many notices the home lists.</summary>
    public const int NoticeCount = 8;

    /// <summary>How many wiki changes the home lists.</summary>
    public const int WikiChangeCount = 6;

    /// <summary>Reads every section for <paramref name="viewer"/>.</summary>
    public async Task<HomeView> GetAsync(HomeViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var subject = viewer.Wiki.Subject;
        var apps = await launcher.GetAsync(subject, viewer.Wiki.Groups, null, cancellationToken);
        var work = await counters.GetForSubjectAsync(subject, cancellationToken);
        var headlines = await notices.GetForHomeAsync(viewer.ToBoardViewer(), NoticeCount, cancellationToken);
        var changes = await watchList.GetChangesForAsync(viewer.Wiki, WikiChangeCount, cancellationToken);

        var visible = VisibleById(apps);
        var items = WorkCounterBadges.Items(work, visible, IsEnglish(CultureInfo.CurrentUICulture));
        var used = apps.Favorites.Concat(apps.Recent).Concat(items.Select(i => i.App));
        List<LauncherApp> maintenance = [.. used.Where(a => a.Status == ApplicationStatus.Maintenance).DistinctBy(a => a.Id)];
        return new HomeView(
            items,
            [.. headlines.Take(NoticeCount)],
            apps.Favorites,
            apps.Recent,
            maintenance,
            [.. changes.Take(WikiChangeCount)],
            WorkCounterBadges.SumByApplication(work, visible));
    }

    /// <summary>Every application the person may see (allowed or under maintenance), by id.</summary>
    public static IReadOnlyDictionary<int, LauncherApp> VisibleById(LauncherView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var visible = new Dictionary<int, LauncherApp>();
        foreach (var app in view.Categories.SelectMany(c => c.Apps).Concat(view.Favorites).Concat(view.Recent))
        {
            visible.TryAdd(app.Id, app);
        }

        return visible;
    }

    private static bool IsEnglish(CultureInfo culture) => string.Equals(culture.TwoLetterISOLanguageName, "en", StringComparison.Ordinal);
}
