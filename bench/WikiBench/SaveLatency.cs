using System.Diagnostics;
using System.Globalization;
using System.Text;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>
/// Save latency on a SQLite file (WAL, synchronous=NORMAL, busy_timeout=5000, as the Portal): successive revisions of a ~5 KB page,
/// each through <see cref="IWikiEditor.SaveAsync"/> in its own DI scope like one request. Prints mean and percentiles.
/// </summary>
public static class SaveLatency
{
    private static readonly WikiActor s_author = new("bench", "벤치", ["staff"]);

    public static async Task RunAsync(int warmup = 50, int measured = 1_000)
    {
        var folder = Directory.CreateTempSubdirectory("wikibench-");
        try
        {
            await using var services = await CreateServicesAsync(Path.Combine(folder.FullName, "wiki.db"));
            var lines = WikiCorpus.Lines(56);
            var text = string.Empty;
            long? baseRevision = null;
            var samples = new double[measured];
            for (var i = 0; i < warmup + measured; i++)
            {
                lines = WikiCorpus.Step(lines, i + 1);
                text = "# 업무 안내\n\n[[민원 안내]] [[hr:급여]]\n\n" + string.Join('\n', lines);
                var started = Stopwatch.GetTimestamp();
                baseRevision = await SaveAsync(services, text, baseRevision);
                if (i >= warmup)
                {
                    samples[i - warmup] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }

            Report(samples, Encoding.UTF8.GetByteCount(text));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<ServiceProvider> CreateServicesAsync(string path)
    {
        var services = new ServiceCollection();
        services.AddDbContext<BenchWikiDbContext>(o => o.UseSqlite($"Data Source={path}").AddInterceptors(new SqlitePragmas()));
        services.AddScoped<IWikiDbContext>(sp => sp.GetRequiredService<BenchWikiDbContext>());
        services.AddPortalWiki(new ConfigurationBuilder().Build());
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchWikiDbContext>();
        await db.Database.EnsureCreatedAsync();
        // journal_mode is persistent: set once on the file, as the Portal's migration step does.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        return provider;
    }

    private static async Task<long> SaveAsync(ServiceProvider services, string text, long? baseRevision)
    {
        await using var scope = services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<IWikiEditor>();
        var result = await editor.SaveAsync(new WikiSaveRequest("", "업무 안내", text, "bench", false, baseRevision), s_author);
        return result is WikiSaveResult.Saved saved ? saved.Revision.Id : throw new InvalidOperationException($"Save failed: {result}");
    }

    private static void Report(double[] samples, int pageBytes)
    {
        Array.Sort(samples);
        var line = string.Format(
            CultureInfo.InvariantCulture,
            "Save latency, SQLite file (WAL, synchronous=NORMAL), {0:N0}-byte page, {1} saves: mean {2:F2} ms, p50 {3:F2} ms, p95 {4:F2} ms, p99 {5:F2} ms, max {6:F2} ms",
            pageBytes, samples.Length, samples.Average(), Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99), samples[^1]);
        Console.WriteLine(line);
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
}
