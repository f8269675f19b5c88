using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Bench.PortalTiming;

/// <summary>
/// The target SearchPageTests asserted on one node (SQLite, in-memory index): a wiki page just saved is found by search
/// within 2 s. Each figure runs from the save's answer to the first search that finds the page.
/// </summary>
internal static class SingleNode
{
    public static async Task MeasureAsync(PortalApplicationFactory portal, int count, TimingSamples samples)
    {
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        // Round 0 warms the host up and is not recorded.
        for (var round = 0; round <= count; round++)
        {
            await Console.Error.WriteLineAsync($"saved → searchable {round}/{count}");
            var word = SearchProbe.UniqueWord();
            var title = "검색 측정 " + word;
            await SaveAsync(kim, title, $"# 안내\n\n{word} 낱말을 적습니다.", "검색 측정");
            var found = await SearchProbe.TimeUntilAsync(kim, word, links => links.Contains(PathOf(title)));
            if (round > 0)
            {
                samples.Add("wiki save → searchable, one node", "≤ 2 s (SearchPageTests)", found);
            }
        }
    }
}
