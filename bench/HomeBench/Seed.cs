using AngleSharp.Html.Dom;
using GatewayPortal.Boards;
using GatewayPortal.Boards.Departments;
using GatewayPortal.Boards.Posts;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Portal.IntegrationTests.Home;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Bench.HomeBench;

/// <summary>
/// Gives the person favourites and launches through the portal's own routes, counters through the counters store (the
/// API's own bulk upsert) and notices through the boards' writer, so the home reads real rows.
/// </summary>
internal static class Seed
{
    public static async Task<string> PersonAsync(HomeBenchPortal portal, PortalClient client, string login, int favorites, int recent, int counters, int notices)
    {
        var (_, apps) = await client.GetDocumentAsync("/apps");
        var tiles = apps.QuerySelectorAll("li.tile")
            .Select(t => (Id: t.QuerySelector("button.pin")!.GetAttribute("value")!, Href: t.QuerySelector("a.open")!.GetAttribute("href")!))
            .DistinctBy(t => t.Id)
            .ToList();
        foreach (var tile in tiles.Take(favorites))
        {
            await client.PostFormAsync("/launcher/pin", new Dictionary<string, string> { ["id"] = tile.Id, ["returnUrl"] = "/" }, "/");
        }

        foreach (var tile in tiles.Skip(favorites).Take(recent))
        {
            await client.GetAsync(tile.Href);
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<IDirectoryService>().FindUserAsync(login)
            ?? throw new InvalidOperationException(login + " is not in the directory");
        var now = DateTime.UtcNow;
        var rows = (await HomeDemoData.CountersAsync(portal.Services, counters)).Take(counters).Select(c => new WorkCounterRow
        {
            ApplicationId = c.ApplicationId,
            SubjectId = person.SubjectId,
            Key = c.Key,
            LabelKo = c.LabelKo,
            LabelEn = c.LabelEn,
            Value = c.Value,
            Url = c.Url,
            UpdatedUtc = now,
            ExpiresUtc = now.AddDays(1),
        }).ToList();
        await scope.ServiceProvider.GetRequiredService<WorkCounterStore>().UpsertAsync(rows, CancellationToken.None);

        var writer = scope.ServiceProvider.GetRequiredService<INoticeWriter>();
        var admin = new BoardViewer("bench-admin", "벤치 관리자", "정보화담당관", ["portal-admins"], IsAdministrator: true);
        foreach (var notice in HomeDemoData.Notices(notices))
        {
            var draft = new NoticeDraft(
                notice.Title, "벤치마크용 공지 본문입니다.\n\n- 항목 하나\n- 항목 둘", notice.Category,
                notice.IsPinned ? now.AddDays(7) : null, null, null, [], [], []);
            var saved = await writer.CreateAsync(BoardAdmin.OrganisationKey, draft, admin);
            if (saved is not NoticeSaveResult.Saved)
            {
                throw new InvalidOperationException("notice not saved: " + saved);
            }
        }

        var (_, home) = await client.GetDocumentAsync("/");
        return $"{Count(home, "section:has(#favorites) li.tile")} favourites, {Count(home, "section:has(#recent) li.tile")} recent, "
            + $"{rows.Count} counters ({Count(home, ".work-list li")} shown), {notices} notices ({Count(home, ".notice-list li")} shown), "
            + $"{Count(home, ".wiki-list li")} wiki changes";
    }

    private static int Count(IHtmlDocument page, string selector) => page.QuerySelectorAll(selector).Length;
}
