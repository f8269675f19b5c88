using System.Globalization;
using System.Text;
using AngleSharp.Html.Dom;
using GatewayPortal.Data;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using GatewayPortal.Wiki.Text;
using Microsoft.EntityFrameworkCore;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Reliability;

/// <summary>
/// Issue #7.4: the portal process killed with SIGKILL while people save wiki pages and while the index is rebuilt. After a
/// restart on the same database and index folder, every acknowledged save is a revision with exactly the text sent, nothing is
/// half-written, and search catches up with the database.
/// </summary>
public sealed class CrashSafetyTests(SlapdFixture directory, PostgresFixture postgres)
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(30);
    private static readonly string[] Editors =
        [DemoAccounts.KimMinsu.Uid, DemoAccounts.LeeJiyoung.Uid, DemoAccounts.HanSeojun.Uid, DemoAccounts.ParkJihoon.Uid];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task WikiSaves_ProcessKilledMidStream_AcknowledgedRevisionsKeptWholeAndIndexCatchesUp(string provider)
    {
        // Arrange: four people saving their own page over and over; the index commits every second, so kills land mid-commit too.
        var cancellationToken = TestContext.Current.CancellationToken;
        using var scratch = new ScratchDirectory();
        var (settings, connectionString) = Settings(provider, scratch);
        await using var portal = await PortalProcess.StartAsync("crash", settings, cancellationToken);
        var writers = await WritersAsync(portal);

        // Act: SIGKILL while every writer has a save in flight, then start again on the same database and index folder.
        var running = writers.Select(w => Task.Run(() => w.SaveUntilKilledAsync(int.MaxValue), cancellationToken)).ToList();
        await Eventually.TryUntilAsync(
            () => Task.FromResult(writers.Min(w => w.AcknowledgedCount) >= 3 && writers.Sum(w => w.AcknowledgedCount) >= 30),
            TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(10));

        portal.Kill();
        await Task.WhenAll(running);
        await portal.RestartAsync(cancellationToken);

        // Assert
        Assert.All(writers, w => Assert.True(w.AcknowledgedCount >= 3, $"{w.Title}: only {w.AcknowledgedCount} saves before the kill\n{portal}"));
        await using (var db = OpenDatabase(provider, connectionString))
        {
            foreach (var writer in writers)
            {
                await AssertRevisionsAsync(db, writer);
            }

            // Nothing half-written anywhere: every page has a current revision, and it is one of the page's own.
            Assert.Equal(0, await db.WikiPages.CountAsync(
                p => p.CurrentRevisionId == null || !db.WikiRevisions.Any(r => r.Id == p.CurrentRevisionId && r.PageId == p.Id), cancellationToken));
        }

        foreach (var writer in writers)
        {
            await AssertSearchFindsCurrentTextAsync(writer, portal);
        }
    }

    [Fact]
    public async Task IndexRebuild_ProcessKilledMidRebuild_RebuiltAfterRestartAndFindsEveryPage()
    {
        // Arrange: pages saved, then the node stopped and its index folder deleted (the documented rebuild procedure).
        var cancellationToken = TestContext.Current.CancellationToken;
        using var scratch = new ScratchDirectory();
        var (settings, _) = Settings("Sqlite", scratch);
        await using var portal = await PortalProcess.StartAsync("rebuild", settings, cancellationToken);
        var writers = await WritersAsync(portal);
        await Task.WhenAll(writers.Select(w => w.SaveUntilKilledAsync(10)));
        await portal.StopAsync();
        Directory.Delete(scratch.File("index"), recursive: true);

        // Act: start, kill the moment the start-up rebuild begins, start again.
        var beforeStart = portal.OutputMark;
        await portal.RestartAsync(cancellationToken, waitUntilLive: false);
        var rebuilding = await portal.WaitForOutputAsync("rebuilding from", beforeStart, TimeSpan.FromSeconds(60), cancellationToken);
        portal.Kill();
        var beforeRestart = portal.OutputMark;
        await portal.RestartAsync(cancellationToken);

        // Assert
        Assert.True(rebuilding, $"the start-up rebuild never began\n{portal}");
        Assert.True(await portal.WaitForOutputAsync("rebuilding from", beforeRestart, CatchUp, cancellationToken),
            $"the restarted node did not rebuild its half-built index\n{portal}");
        foreach (var writer in writers)
        {
            Assert.Equal(10, writer.AcknowledgedCount);
            await AssertSearchFindsCurrentTextAsync(writer, portal);
        }

        var applications = await writers[0].Client.GetDocumentUntilAsync(
            "/search?q=" + Uri.EscapeDataString("회의실"), p => Links(p).Contains("/launch/doc-meeting-rooms"), CatchUp);
        Assert.Contains("/launch/doc-meeting-rooms", Links(applications));
    }

    private (Dictionary<string, string?> Settings, string ConnectionString) Settings(string provider, ScratchDirectory scratch)
    {
        var connectionString = provider == "Sqlite"
            ? $"Data Source={scratch.File("portal.db")}"
            : postgres.ConnectionStringFor("crash");
        var settings = PortalProcess.DefaultSettings(directory);
        settings["Database:Provider"] = provider;
        settings["Database:ConnectionString"] = connectionString;
        settings["Search:IndexPath"] = scratch.File("index");
        settings["Search:CommitInterval"] = "00:00:01";
        return (settings, connectionString);
    }

    private static async Task<List<Writer>> WritersAsync(PortalProcess portal)
    {
        var run = Letters(Random.Shared.Next(1_000_000, 9_999_999));
        var writers = new List<Writer>();
        for (var i = 0; i < Editors.Length; i++)
        {
            var client = portal.CreatePortalClient(string.Create(CultureInfo.InvariantCulture, $"192.0.2.{20 + i}"));
            var signIn = await client.SignInAsync(Editors[i], DemoAccounts.Password);
            Assert.True(PortalClient.RedirectsTo(signIn, "/"), $"sign-in of {Editors[i]}: {signIn.StatusCode}\n{portal}");
            writers.Add(new Writer(portal, client, $"장애 시험 {run} {i}", $"zq{run}w{Letters(i)}"));
        }

        return writers;
    }

    private static PortalDbContext OpenDatabase(string provider, string connectionString) => provider == "Sqlite"
        ? new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connectionString).Options)
        : new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options);

    private static async Task AssertRevisionsAsync(PortalDbContext db, Writer writer)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = writer.Acknowledged[0];
        var pageId = await db.WikiRevisions.Where(r => r.Text == first).Select(r => r.PageId).SingleAsync(cancellationToken);
        var page = await db.WikiPages.SingleAsync(p => p.Id == pageId, cancellationToken);
        var revisions = await db.WikiRevisions.Where(r => r.PageId == pageId).OrderBy(r => r.Id).ToListAsync(cancellationToken);

        // Every acknowledged save, in order and byte for byte; at most the one save in flight at the kill after them.
        var texts = revisions.Select(r => r.Text).ToList();
        var acknowledgedOnly = texts.SequenceEqual(writer.Acknowledged);
        var withInFlight = writer.InFlight is { } inFlight && texts.SequenceEqual([.. writer.Acknowledged, inFlight]);
        Assert.True(acknowledgedOnly || withInFlight,
            $"{writer.Title}: {writer.AcknowledgedCount} acknowledged, {texts.Count} stored; first difference at " +
            $"{texts.Zip(writer.Acknowledged).TakeWhile(p => p.First == p.Second).Count()}");

        // A consistent chain: each revision's parent is the one before it, its hash and size match its text.
        for (var i = 0; i < revisions.Count; i++)
        {
            Assert.Equal(i == 0 ? (long?)null : revisions[i - 1].Id, revisions[i].ParentRevisionId);
            Assert.Equal(WikiText.Hash(revisions[i].Text), revisions[i].ContentHash);
            Assert.Equal(Encoding.UTF8.GetByteCount(revisions[i].Text), revisions[i].Size);
        }

        Assert.Equal(revisions[^1].Id, page.CurrentRevisionId);
        Assert.Null(page.DeletedAt);
        writer.Stored = revisions.Count;
    }

    private static async Task AssertSearchFindsCurrentTextAsync(Writer writer, PortalProcess portal)
    {
        // The session cookie from before the kill still works: the keys that protect it are in the database.
        var stored = writer.Stored > 0 ? writer.Stored : writer.AcknowledgedCount;
        var query = "/search?q=" + Uri.EscapeDataString(writer.TokenOf(stored));
        var page = await writer.Client.GetDocumentUntilAsync(query, p => Links(p).Contains(PathOf(writer.Title)), CatchUp);
        Assert.True(Links(page).Contains(PathOf(writer.Title)),
            $"search never found revision {stored} of {writer.Title} within {CatchUp.TotalSeconds} s\n{portal}");
    }

    private static List<string> Links(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".search-hit h2 a").Select(a => a.GetAttribute("href") ?? "")];

    // Digits spelled as letters: a token the analyzer keeps as one word, and no two revisions share one.
    private static string Letters(int number) =>
        string.Concat(number.ToString(CultureInfo.InvariantCulture).Select(d => (char)('a' + (d - '0'))));

    /// <summary>One person saving one page again and again, keeping what the portal acknowledged.</summary>
    private sealed class Writer(PortalProcess portal, PortalClient client, string title, string token)
    {
        private readonly List<string> _acknowledged = [];
        private int _count;

        public PortalClient Client => client;

        public string Title => title;

        public IReadOnlyList<string> Acknowledged => _acknowledged;

        public int AcknowledgedCount => Volatile.Read(ref _count);

        /// <summary>The text of the save that was sent when the process died (null when none was pending).</summary>
        public string? InFlight { get; private set; }

        /// <summary>How many revisions the database held after the restart.</summary>
        public int Stored { get; set; }

        /// <summary>The searchable word in revision <paramref name="n"/> (1-based).</summary>
        public string TokenOf(int n) => token + "r" + Letters(n) + "q";

        public string TextOf(int n) =>
            $"# 저장 {n}\n\n{TokenOf(n)} 장애 복구 시험 문서입니다. 저장이 확인된 내용은 재시작 후에도 그대로 남아야 합니다.\n\n" +
            string.Concat(Enumerable.Repeat($"- 항목 {n}: 민원 처리 절차와 담당 부서 안내\n", 20)).TrimEnd();

        /// <summary>Saves revisions 1, 2, … until <paramref name="limit"/> or until the portal stops answering.</summary>
        public async Task SaveUntilKilledAsync(int limit)
        {
            for (var n = 1; n <= limit; n++)
            {
                var text = TextOf(n);
                InFlight = text;
                try
                {
                    var fields = await OpenEditorAsync(client, title);
                    fields["Input.Text"] = text;
                    fields["Input.Summary"] = string.Create(CultureInfo.InvariantCulture, $"저장 {n}");
                    using var response = await PostEditorAsync(client, title, fields);
                    // The portal answers a save with an absolute redirect to the page: that is the acknowledgement.
                    var location = response.Headers.Location is { } target ? new Uri(portal.BaseAddress, target).AbsolutePath : "";
                    if ((int)response.StatusCode is not (302 or 303) || Uri.UnescapeDataString(location) != Uri.UnescapeDataString(PathOf(title)))
                    {
                        // Let the portal's log of the failure arrive before quoting it.
                        await Task.Delay(1000, CancellationToken.None);
                        Assert.Fail($"save {n} of {title}: {(int)response.StatusCode} {location}\n{portal}");
                    }
                }
                catch (HttpRequestException)
                {
                    // The process was killed: this save was never acknowledged.
                    return;
                }

                _acknowledged.Add(text);
                InFlight = null;
                Interlocked.Increment(ref _count);
            }
        }
    }
}
