using System.Globalization;
using AngleSharp.Html.Dom;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>
/// Search across nodes (issue #6): each node has its own index, fed by the change feed in PostgreSQL, so a change
/// made on node A becomes searchable on node B, and a node that starts later builds its index from the database.
/// How fast (issue #6's target: 2 s) is measured by bench/PortalTiming, not asserted here.
/// </summary>
public sealed class ClusterSearchTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    // Patience, not a target: long enough that a loaded machine does not fail a change that does arrive.
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WikiEdit_OnNodeA_IsFoundBySearchOnNodeB()
    {
        // Arrange
        using var onA = await SignedInAsync(nodes.A, DemoAccounts.KimMinsu.Uid);
        using var onB = await SignedInAsync(nodes.B, DemoAccounts.KimMinsu.Uid);
        var word = UniqueWord();
        var title = "노드 검색 " + word;

        // Act
        await SaveAsync(onA, title, $"# 안내\n\n{word} 낱말은 노드 A에서 적었습니다.", "노드 시험");
        var (found, elapsed) = await SearchUntilAsync(onB, word, links => links.Contains(PathOf(title)));

        // Assert
        Assert.True(found, $"page saved on A not found on B after {elapsed.TotalMilliseconds:0} ms");
        Report("wiki edit A → B", elapsed);
    }

    [Fact]
    public async Task WikiDelete_OnNodeA_DisappearsFromSearchOnNodeB()
    {
        // Arrange: a page both nodes find.
        using var onA = await SignedInAsync(nodes.A, DemoAccounts.KimMinsu.Uid);
        using var admin = await SignedInAsync(nodes.A, DemoAccounts.ParkJihoon.Uid);
        using var onB = await SignedInAsync(nodes.B, DemoAccounts.KimMinsu.Uid);
        var word = UniqueWord();
        var title = "지울 노드 문서 " + word;
        await SaveAsync(onA, title, $"{word} 낱말은 곧 지워집니다.");
        Assert.True((await SearchUntilAsync(onB, word, links => links.Contains(PathOf(title)))).Found, "the page never reached B");

        // Act
        var deleted = await admin.PostFormAsync(PathOf(title) + "/delete", new Dictionary<string, string>(), PathOf(title) + "/manage");
        var (gone, elapsed) = await SearchUntilAsync(onB, word, links => !links.Contains(PathOf(title)));

        // Assert
        Assert.True(PortalClient.RedirectsTo(deleted, PathOf(title)), deleted.StatusCode.ToString());
        Assert.True(gone, $"page deleted on A still found on B after {elapsed.TotalMilliseconds:0} ms");
        Report("wiki delete A → B", elapsed);
    }

    [Fact]
    public async Task ApplicationRename_OnNodeA_IsFoundUnderItsNewNameOnNodeB()
    {
        // Arrange
        using var admin = await SignedInAsync(nodes.A, DemoAccounts.ParkJihoon.Uid);
        using var onB = await SignedInAsync(nodes.B, DemoAccounts.KimMinsu.Uid);
        var word = UniqueWord();
        var fields = await ApplicationFormAsync(admin, "/admin/applications/hr-training/edit");
        fields["Input.NameKo"] = "교육훈련 " + word;

        // Act
        var saved = await admin.PostFormAsync("/admin/applications/hr-training/edit", fields);
        var (found, elapsed) = await SearchUntilAsync(onB, word, links => links.Contains("/launch/hr-training"), "application");

        // Assert
        Assert.True(PortalClient.RedirectsTo(saved, "/admin/applications?saved=hr-training"), saved.StatusCode.ToString());
        Assert.True(found, $"application renamed on A not found under its new name on B after {elapsed.TotalMilliseconds:0} ms");
        Report("application rename A → B", elapsed);
    }

    [Fact]
    public async Task NewNode_StartedAfterChanges_BuildsItsIndexFromTheDatabaseThenFollowsTheFeed()
    {
        // Arrange: a page written on A before node C exists.
        using var onA = await SignedInAsync(nodes.A, DemoAccounts.KimMinsu.Uid);
        var before = UniqueWord();
        var after = UniqueWord();
        await SaveAsync(onA, "먼저 쓴 문서 " + before, $"{before} 낱말은 노드 C보다 먼저 있었습니다.");

        // Act
        await using var nodeC = nodes.StartNode("node-c");
        using var onC = await SignedInAsync(nodeC, DemoAccounts.KimMinsu.Uid);
        var (built, _) = await SearchUntilAsync(onC, before, links => links.Contains(PathOf("먼저 쓴 문서 " + before)), patience: TimeSpan.FromSeconds(10));
        await SaveAsync(onA, "나중에 쓴 문서 " + after, $"{after} 낱말은 노드 C가 뜬 뒤에 적었습니다.");
        var (followed, elapsed) = await SearchUntilAsync(onC, after, links => links.Contains(PathOf("나중에 쓴 문서 " + after)));

        // Assert
        Assert.True(built, "node C's index was not built from the database");
        Assert.True(followed, $"a page saved on A after C started not found on C after {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task RestartedNode_WithItsIndexOnDisk_CatchesUpOnChangesMadeWhileItWasDown()
    {
        // Arrange: node D keeps its index on disk; a page reaches it, it stops, and a page is written meanwhile.
        using var folder = new ScratchDirectory();
        var onDisk = new Dictionary<string, string?> { ["Search:InMemory"] = "false", ["Search:IndexPath"] = folder.File("index") };
        using var onA = await SignedInAsync(nodes.A, DemoAccounts.KimMinsu.Uid);
        var before = UniqueWord();
        var during = UniqueWord();
        var nodeD = nodes.StartNode("node-d", onDisk);
        using (var onD = await SignedInAsync(nodeD, DemoAccounts.KimMinsu.Uid))
        {
            await SaveAsync(onA, "재시작 전 문서 " + before, $"{before} 낱말");
            Assert.True((await SearchUntilAsync(onD, before, links => links.Count > 0, patience: TimeSpan.FromSeconds(10))).Found, "the page never reached D");
        }

        await nodeD.DisposeAsync();
        var positionSaved = File.Exists(folder.File("index") + ".feed-position");
        await SaveAsync(onA, "재시작 중 문서 " + during, $"{during} 낱말");

        // Act
        await using var restarted = nodes.StartNode("node-d", onDisk);
        using var onRestarted = await SignedInAsync(restarted, DemoAccounts.KimMinsu.Uid);
        var (caughtUp, _) = await SearchUntilAsync(onRestarted, during, links => links.Count > 0, patience: TimeSpan.FromSeconds(10));
        var (kept, _) = await SearchUntilAsync(onRestarted, before, links => links.Count > 0);

        // Assert
        Assert.True(positionSaved, "no feed position was saved beside the index");
        Assert.True(caughtUp, "the page written while D was down is not found on D after its restart");
        Assert.True(kept, "the page D had indexed before its restart is gone");
    }

    [Fact]
    public async Task Metrics_OnNodeB_ShowFeedDelayIndexLagDocumentsAndSearchLatency()
    {
        // Arrange: a change from A applied on B, and a search on B. Hosts in one test process share meters by name,
        // so B's own figures are those labelled node-b.
        using var onA = await SignedInAsync(nodes.A, DemoAccounts.KimMinsu.Uid);
        using var onB = await SignedInAsync(nodes.B, DemoAccounts.KimMinsu.Uid);
        var word = UniqueWord();
        await SaveAsync(onA, "지표 문서 " + word, $"{word} 낱말");
        Assert.True((await SearchUntilAsync(onB, word, links => links.Count > 0)).Found, "the page never reached B");
        using var scraper = nodes.B.CreatePortalClient("127.0.0.1");

        // Act
        var text = await (await scraper.GetAsync("/metrics")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Matches("gatewayportal_search_feed_delay_seconds_count\\{(?=[^}]*node=\"node-b\")(?=[^}]*source=\"wiki\")[^}]*\\} [1-9]", text);
        Assert.Matches("gatewayportal_search_query_duration_seconds_count\\{[^}]*operation=\"search\"[^}]*\\} [1-9]", text);
        Assert.Matches("gatewayportal_search_index_lag_seconds\\{[^}]*node=\"node-b\"[^}]*\\} [0-9]", text);
        Assert.Matches("gatewayportal_search_index_documents\\{(?=[^}]*node=\"node-b\")(?=[^}]*source=\"wiki\")[^}]*\\} [1-9]", text);
        Assert.Matches("gatewayportal_search_feed_position\\{[^}]*node=\"node-b\"[^}]*\\} [1-9]", text);
    }

    [Fact]
    public async Task Health_NodeFollowingTheFeed_ReportsIndexHealthyAndLiveChecksNothing()
    {
        // Arrange: the checks' details answer only to the allowed networks (loopback by default).
        using var client = nodes.B.CreatePortalClient("127.0.0.1");

        // Act: right after start the index may still be building (Degraded); it turns Healthy once it follows the feed.
        var (ready, body) = await Eventually.UntilAsync(
            async () =>
            {
                var response = await client.GetAsync("/health");
                return (Response: response, Body: await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            },
            answer => answer.Body.Contains("\"index\":{\"status\":\"Healthy\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "node B's index to report Healthy");
        var live = await client.GetAsync("/health/live");
        var liveBody = await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"index\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.DoesNotContain("index", liveBody, StringComparison.Ordinal);
    }

    /// <summary>A lower-case Latin word no other test uses (the analyzers keep it whole).</summary>
    internal static string UniqueWord() => "feed" + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (Convert.ToInt32(c.ToString(), 16))))]);

    /// <summary>Searches every 50 ms until <paramref name="done"/> holds for the hits' links or <paramref name="patience"/> (30 s) passes.</summary>
    internal static async Task<(bool Found, TimeSpan Elapsed)> SearchUntilAsync(
        PortalClient client, string query, Func<List<string>, bool> done, string? source = null, TimeSpan? patience = null)
    {
        var path = "/search?q=" + Uri.EscapeDataString(query) + (source is null ? "" : "&source=" + source);
        var polled = await Eventually.TryUntilAsync(async () => Links((await client.GetDocumentAsync(path)).Document), done, patience ?? Convergence);
        return (polled.Met, polled.Waited);
    }

    private static List<string> Links(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".search-hit h2 a").Select(a => a.GetAttribute("href") ?? "")];

    private static void Report(string what, TimeSpan elapsed) =>
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: searchable after {elapsed.TotalMilliseconds:0} ms"));

    private static Task<Dictionary<string, string>> ApplicationFormAsync(PortalClient client, string path) =>
        client.GetFormFieldsAsync(path, "application");
}
