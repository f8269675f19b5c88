using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>
/// Lucene vs SQLite FTS5 on a generated corpus:
/// <c>dotnet run -c Release --project bench/SearchBench -- --docs 1000000</c>. Prints a Markdown table.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var docs = Option(args, "--docs", 1_000_000);
        var rounds = Option(args, "--rounds", 20);
        var ftsRounds = Option(args, "--fts-rounds", 5);
        var principals = Enumerable.Range(0, 20).Select(CorpusGenerator.Group)
            .Append(SearchPrincipals.User("bench")).Append(SearchPrincipals.Everyone).ToList();
        var folder = Directory.CreateTempSubdirectory("searchbench-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var corpus = Enumerable.Range(0, docs).Select(CorpusGenerator.Generate).ToList();
            Log($"generated {docs:N0} documents in {clock.Elapsed.TotalSeconds:F1} s");

            LatencySummary lucene;
            double luceneRate;
            using (var bench = new LuceneBench(Path.Combine(folder, "lucene"), corpus))
            {
                luceneRate = await bench.IndexAsync();
                Log($"lucene indexed at {luceneRate:N0} docs/s ({Size(Path.Combine(folder, "lucene"))})");
                lucene = bench.Query(QueryMix.Queries, principals, rounds);
                Log($"lucene queried: p50 {lucene.P50:F2} ms, p99 {lucene.P99:F2} ms");
            }

            using var fts = new Fts5Bench(Path.Combine(folder, "fts.db"), corpus);
            var ftsRate = fts.Index();
            Log($"fts5 indexed at {ftsRate:N0} docs/s ({Size(folder)} total)");
            var sqlite = fts.Query(QueryMix.Queries, principals, ftsRounds);
            Log($"fts5 queried: p50 {sqlite.P50:F2} ms, p99 {sqlite.P99:F2} ms");
            PrintTable(docs, (luceneRate, lucene), (ftsRate, sqlite));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void PrintTable(int docs, (double Rate, LatencySummary Latency) lucene, (double Rate, LatencySummary Latency) fts)
    {
        static string Row(string engine, (double Rate, LatencySummary L) r) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {engine} | {r.Rate:N0} | {r.L.P50:F2} | {r.L.P99:F2} | {r.L.Samples} | {r.L.HitsPerRound:N0} |");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Corpus: {docs:N0} documents; {QueryMix.Queries.Length} queries as a user in 20 of {CorpusGenerator.GroupCount} groups."));
        Console.WriteLine();
        Console.WriteLine("| Engine | Index docs/s | Query p50 ms | Query p99 ms | Samples | Visible hits per round |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(Row("Lucene.Net (SearchService: hits, count, facets, snippets)", lucene));
        Console.WriteLine(Row("SQLite FTS5 (top 10 by bm25 + count)", fts));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nLucene is {fts.Latency.P50 / lucene.Latency.P50:F1}× faster at p50 and {fts.Latency.P99 / lucene.Latency.P99:F1}× at p99."));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Size(string path) => string.Create(
        CultureInfo.InvariantCulture,
        $"{new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1048576.0:F0} MB");

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
