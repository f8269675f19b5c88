using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Text;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Wiki;

/// <summary>A wiki save holds SQLite's write lock only to write: merge, Markdown and hashing happen before the transaction.</summary>
public sealed class WikiWriteLockTests(SharedPortal portal, ITestOutputHelper output) : IClassFixture<SharedPortal>
{
    // How long each transaction holds the lock (goal 50 ms) is bench/PortalTiming's to measure (bench/RESULTS.md): here the
    // save's transactions complete and other writers get through while the merge runs. Before the change the merge, the
    // link extraction and the hash of this page ran inside the transaction (seconds), and the other saves waited for it.
    [Fact]
    public async Task Save_NearMaximalPageMergedWhileOthersWrite_OtherSavesCompleteDuringTheMerge()
    {
        // Arrange: a page near the 2 MiB guard, in 40,000 lines with the most links a page may have (written on creation);
        // two editors open it, one saves first.
        // ASCII text: a url-encoded form of 2 MB of Hangul is over the form reader's 4 MiB value limit (browsers post the editor multipart).
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "아주 큰 문서";
        var lines = Enumerable.Range(0, 40_000).Select(i => i.ToString("D6", CultureInfo.InvariantCulture) + " line: [[link " + (i % WikiLinkLimits.MaxLinksPerPage).ToString(CultureInfo.InvariantCulture) + "]] content of the line").ToArray();
        var text = string.Join('\n', lines);
        Assert.InRange(Encoding.UTF8.GetByteCount(text), WikiText.MaxBytes * 3 / 4, WikiText.MaxBytes);
        // The host's first wiki save pays one-off costs in the lock (JIT, EF's per-entity-type snapshot and SQL code): a small
        // page takes them, so that the creation below measures what the input costs.
        var first = new ConcurrentBag<double>();
        using (TransactionHolds.Listen(portal, first))
        {
            await SaveAsync(kim, "잠금 옆 문서", "[[아주 큰 문서]] [[link 0]]");
        }

        var creation = new ConcurrentBag<double>();
        using (TransactionHolds.Listen(portal, creation))
        {
            await SaveAsync(kim, title, text);
        }

        var kimForm = await OpenEditorAsync(kim, title);
        var leeForm = await OpenEditorAsync(lee, title);
        // Scattered disjoint edits (4,000 lines each) make the three-way merge real work: seconds, once inside the lock.
        kimForm["Input.Text"] = string.Join('\n', lines.Select((l, i) => i % 10 == 0 ? l + " (김민수)" : l));
        leeForm["Input.Text"] = string.Join('\n', lines.Select((l, i) => i % 10 == 5 ? l + " (이지영)" : l));
        Assert.True(PortalClient.RedirectsTo(await PostEditorAsync(kim, title, kimForm), PathOf(title)));
        var holds = new ConcurrentBag<double>();
        using var listener = TransactionHolds.Listen(portal, holds);

        // Act: Lee's save merges the whole page while Kim keeps saving another page
        var stopwatch = Stopwatch.StartNew();
        var merging = PostEditorAsync(lee, title, leeForm);
        var others = new List<(TimeSpan Took, bool DuringMerge)>();
        var round = 0;
        do
        {
            var started = stopwatch.Elapsed;
            var fields = await OpenEditorAsync(kim, "잠금 옆 문서");
            fields["Input.Text"] = "다른 저장 " + round++.ToString(CultureInfo.InvariantCulture);
            var response = await PostEditorAsync(kim, "잠금 옆 문서", fields);
            Assert.True(PortalClient.RedirectsTo(response, PathOf("잠금 옆 문서")), response.StatusCode.ToString());
            others.Add((stopwatch.Elapsed - started, !merging.IsCompleted));
        }
        while (!merging.IsCompleted);
        var merged = await merging;

        // Assert
        Assert.True(PortalClient.RedirectsTo(merged, PathOf(title) + "?notice=merged"), merged.StatusCode.ToString());
        Assert.Contains("(김민수)", await TextAsync(lee, title), StringComparison.Ordinal);
        var longest = TimeSpan.FromSeconds(holds.DefaultIfEmpty(0).Max());
        var created = TimeSpan.FromSeconds(creation.DefaultIfEmpty(0).Max());
        output.WriteLine($"first save held {first.DefaultIfEmpty(0).Max() * 1000:F1} ms; creation with {WikiLinkLimits.MaxLinksPerPage} links held {created.TotalMilliseconds:F1} ms; merge save {stopwatch.Elapsed.TotalMilliseconds:F0} ms; {holds.Count} transactions, longest held {longest.TotalMilliseconds:F1} ms; "
            + $"{others.Count} other saves meanwhile ({others.Count(o => o.DuringMerge)} finished before the merge), slowest {others.Max(o => o.Took).TotalMilliseconds:F0} ms");
        // Creation wrote the 2 MB text and every link row (5,000, in one statement) in a transaction that completed.
        Assert.NotEmpty(creation);
        Assert.NotEmpty(holds);
        // The merge ran outside the lock: another writer's save completed while Lee's save was still merging.
        Assert.Contains(others, o => o.DuringMerge);
    }
}
