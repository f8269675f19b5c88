using System.Diagnostics;
using System.Globalization;
using System.Text;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Watch;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>
/// <see cref="IWikiWatchList.GetChangesForAsync"/> on a SQLite file (as the Portal: WAL, synchronous=NORMAL) holding 10,000 pages
/// and 100,000 revisions of ~4 KB, for a person who edited 2,000 pages and watches 500 more, and for one whose 2,000 pages nobody changed since; 5% of pages are read-restricted to a
/// group the person is not in. Each call runs in its own DI scope like one home-page request. Prints the SQL, SQLite's query
/// plan, and mean and percentiles.
/// </summary>
public static class WatchChanges
{
    private const int Pages = 10_000;
    private const int Revisions = 100_000;
    private const int EditedPages = 2_000;
    private const int WatchedPages = 500;
    private const int ArchivePages = 2_000;
    private static readonly WikiActor s_me = new("me", "나", ["staff"]);
    private static readonly WikiActor s_archivist = new("archivist", "기록", ["staff"]);

    public static async Task RunAsync(bool keep = false, int warmup = 200, int measured = 2_000)
    {
        var folder = Directory.CreateTempSubdirectory("wikibench-watch-");
        try
        {
            var path = Path.Combine(folder.FullName, "wiki.db");
            var sql = new List<string>();
            await using var services = await CreateServicesAsync(path, sql);
            var started = Stopwatch.GetTimestamp();
            await PopulateAsync(path);
            Console.WriteLine($"Populated in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, file {new FileInfo(path).Length / 1_048_576} MB");

            var first = await CallAsync(services, s_me, logSql: true);
            Console.WriteLine($"First call: {first.Count} changes, newest r{first[0].Revision.Id} on {first[0].Title.FullName} by {first[0].Revision.AuthorName}");
            await CallAsync(services, s_archivist, logSql: true);
            foreach (var command in sql)
            {
                Console.WriteLine(command);
                await PrintPlanAsync(path, command);
            }

            Measure(await TimeAsync(services, s_me, warmup, measured), "person who edited 2,000 pages and watches 500 (found among the 500 latest changed pages)");
            Measure(await TimeAsync(services, s_archivist, warmup, measured), "archivist who edited 2,000 pages nobody changed since (worst case: both plans, nothing found)");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!keep)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                Console.WriteLine($"Kept {folder.FullName}");
            }
        }

        static double P(double[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];

        static void Measure((double[] Samples, double CpuMs) run, string who)
        {
            var samples = run.Samples;
            Array.Sort(samples);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "GetChangesForAsync(count 10), {0:N0} pages, {1:N0} revisions, {2}, {3} calls: wall mean {4:F2} ms, p50 {5:F2} ms, p95 {6:F2} ms, p99 {7:F2} ms, max {8:F2} ms; process CPU {9:F2} ms per call",
                Pages, Revisions, who, samples.Length, samples.Average(), P(samples, 0.50), P(samples, 0.95), P(samples, 0.99), samples[^1], run.CpuMs));
        }
    }

    private static async Task<(double[] Samples, double CpuMs)> TimeAsync(ServiceProvider services, WikiActor actor, int warmup, int measured)
    {
        var samples = new double[measured];
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < warmup + measured; i++)
        {
            if (i == warmup)
            {
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
            }

            var t = Stopwatch.GetTimestamp();
            await CallAsync(services, actor, logSql: false);
            if (i >= warmup)
            {
                samples[i - warmup] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
        }

        return (samples, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / measured);
    }

    private static bool s_logging;

    private static async Task<IReadOnlyList<GatewayPortal.Wiki.Pages.RecentChange>> CallAsync(ServiceProvider services, WikiActor actor, bool logSql)
    {
        s_logging = logSql;
        await using var scope = services.CreateAsyncScope();
        var changes = await scope.ServiceProvider.GetRequiredService<IWikiWatchList>().GetChangesForAsync(actor, 10);
        s_logging = false;
        return changes;
    }

    private static async Task<ServiceProvider> CreateServicesAsync(string path, List<string> sql)
    {
        var services = new ServiceCollection();
        services.AddDbContext<BenchWikiDbContext>(o => o.UseSqlite($"Data Source={path}").AddInterceptors(new SqlitePragmas())
            .LogTo(message => { if (s_logging) { sql.Add(message); } }, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted], LogLevel.Information));
        services.AddScoped<Wiki.Storage.IWikiDbContext>(sp => sp.GetRequiredService<BenchWikiDbContext>());
        services.AddPortalWiki(new ConfigurationBuilder().Build());
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchWikiDbContext>();
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        return provider;
    }

    // Raw inserts in one transaction: 100,000 saves through the editor would take far longer than the measurement.
    private static async Task PopulateAsync(string path)
    {
        var random = new Random(15);
        var text = string.Concat(Enumerable.Repeat("업무 안내 문서의 본문입니다. 절차와 담당 부서를 적습니다.\n", 60));
        var size = Encoding.UTF8.GetByteCount(text);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var page = Command(connection, "INSERT INTO wiki_pages (Id, SpaceKey, Title, Slug, IsProtected, CreatedAt, UpdatedAt, ConcurrencyStamp) VALUES ($id, '', $t, $t, 0, $at, $at, $stamp)", "$id", "$t", "$at", "$stamp");
        var revision = Command(connection, "INSERT INTO wiki_revisions (Id, PageId, ParentRevisionId, Text, AuthorSubject, AuthorName, CreatedAt, Summary, IsMinor, Size, SizeDelta, ContentHash, Number) VALUES ($id, $page, $parent, $text, $a, $a, $at, '수정', 0, $size, 0, $hash, $n)",
            "$id", "$page", "$parent", "$text", "$a", "$at", "$size", "$hash", "$n");
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var current = new long[Pages + 1];
        var numbers = new int[Pages + 1];
        for (var id = 1; id <= Pages; id++)
        {
            await ExecAsync(page, id, $"문서 {id}", at.ToString("O", CultureInfo.InvariantCulture), Guid.NewGuid().ToString());
        }

        for (long id = 1; id <= Revisions; id++)
        {
            // The first 10,000 revisions create the pages (the person creates the first 2,000, an archivist the last 2,000, which
            // nobody edits again); then the person makes 3,000 more edits on their pages and 50 colleagues make the rest.
            var pageId = id <= Pages ? (int)id : random.Next(1, Pages - ArchivePages + 1);
            var mine = id <= EditedPages || (id > Pages && random.Next(30) == 0);
            if (mine && pageId > EditedPages)
            {
                pageId = random.Next(1, EditedPages + 1);
            }

            var author = mine ? "me" : id > Pages - ArchivePages && id <= Pages ? "archivist" : "user" + random.Next(50).ToString(CultureInfo.InvariantCulture);
            await ExecAsync(revision, id, pageId, current[pageId] == 0 ? DBNull.Value : current[pageId], text, author,
                at.AddMinutes(id).ToString("O", CultureInfo.InvariantCulture), size, id.ToString("x64", CultureInfo.InvariantCulture), ++numbers[pageId]);
            current[pageId] = id;
        }

        var pointer = Command(connection, "UPDATE wiki_pages SET CurrentRevisionId = $r WHERE Id = $id", "$r", "$id");
        for (var id = 1; id <= Pages; id++)
        {
            await ExecAsync(pointer, current[id], id);
        }

        var watch = Command(connection, "INSERT INTO wiki_watches (Subject, PageId, CreatedAt) VALUES ('me', $p, $at)", "$p", "$at");
        for (var i = 0; i < WatchedPages; i++)
        {
            await ExecAsync(watch, EditedPages + 1 + (i * 7), at.ToString("O", CultureInfo.InvariantCulture));
        }

        var restrict = Command(connection, "INSERT INTO wiki_page_permissions (PageId, SpaceKey, \"Group\", Access) VALUES ($p, NULL, 'hr', 'Read')", "$p");
        for (var id = 1; id <= Pages; id += 20)
        {
            await ExecAsync(restrict, id);
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, string text, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static Task<int> ExecAsync(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQueryAsync();
    }

    private static async Task PrintPlanAsync(string path, string logged)
    {
        // The logged command text follows the parameter list; EXPLAIN needs the statement with parameters bound to anything.
        var start = logged.IndexOf("SELECT", StringComparison.Ordinal);
        if (start < 0)
        {
            return;
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + logged[start..];
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(logged[start..], @"@\w+").Select(m => m.Value).Distinct())
        {
            command.Parameters.AddWithValue(name, name.Contains("subject", StringComparison.Ordinal) ? "me" : 10);
        }

        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  plan: " + reader.GetString(3));
        }
    }
}
