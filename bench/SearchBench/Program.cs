using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>
/// Lucene vs SQLite FTS5 on a generated corpus:
/// <c>dotnet run -c Release --project bench/SearchBench -- --docs 1000000 --corpus both</c>. Prints a Markdown table per
/// corpus (<c>realistic</c>, the default, or <c>narrow</c>); <c>--fts-rounds 0</c> skips FTS5; <c>--per-query</c> lists
/// each query's visible matches and Lucene p50; <c>--index-only</c> stops after indexing.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var docs = Option(args, "--docs", 1_000_000);
        var rounds = Option(args, "--rounds", 20);
        var ftsRounds = Option(args, "--fts-rounds", 5);
        var corpusName = Text(args, "--corpus", "realistic");
        ICorpus[] corpora = corpusName switch
        {
            "realistic" => [new RealisticCorpus()],
            "narrow" => [new CorpusGenerator()],
            "both" => [new RealisticCorpus(), new CorpusGenerator()],
            _ => throw new ArgumentException($"--corpus must be realistic, narrow or both, not '{corpusName}'.", nameof(args)),
        };
        var principals = Enumerable.Range(0, 20).Select(CorpusCommon.Group)
            .Append(SearchPrincipals.User("bench")).Append(SearchPrincipals.Everyone).ToList();
        if (Array.IndexOf(args, "--experiment") is var at and >= 0)
        {
            await Experiments.RunAsync(args[at + 1], docs, principals);
            return;
        }

        foreach (var corpus in corpora)
        {
            await RunAsync(corpus, docs, args.Contains("--index-only") ? 0 : rounds, ftsRounds, principals, args.Contains("--per-query"));
        }
    }

    private static async Task RunAsync(ICorpus corpus, int docs, int rounds, int ftsRounds, List<string> principals, bool perQuery)
    {
        var folder = Directory.CreateTempSubdirectory("searchbench-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var documents = Enumerable.Range(0, docs).Select(corpus.Generate).ToList();
            Log($"{corpus.Name}: generated {docs:N0} documents in {clock.Elapsed.TotalSeconds:F1} s");

            LatencySummary lucene;
            double luceneRate;
            using (var bench = new LuceneBench(Path.Combine(folder, "lucene"), documents))
            {
                luceneRate = await bench.IndexAsync();
                Log($"lucene indexed at {luceneRate:N0} docs/s ({Size(Path.Combine(folder, "lucene"))})");
                if (rounds == 0)
                {
                    // --index-only: the indexing rate is the figure wanted (quick turns on the writer).
                    return;
                }

                lucene = bench.Query(corpus.Queries, principals, rounds);
                Log($"lucene queried: p50 {lucene.P50:F2} ms, p99 {lucene.P99:F2} ms");
                if (perQuery)
                {
                    bench.PrintPerQuery(corpus.Queries, principals);
                }
            }

            (double Rate, LatencySummary Latency)? sqlite = null;
            if (ftsRounds > 0)
            {
                using var fts = new Fts5Bench(Path.Combine(folder, "fts.db"), documents);
                var ftsRate = fts.Index();
                Log($"fts5 indexed at {ftsRate:N0} docs/s ({Size(folder)} total)");
                var latency = fts.Query(corpus.Queries, principals, ftsRounds);
                Log($"fts5 queried: p50 {latency.P50:F2} ms, p99 {latency.P99:F2} ms");
                sqlite = (ftsRate, latency);
            }

            PrintTable(corpus, docs, (luceneRate, lucene), sqlite);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void PrintTable(ICorpus corpus, int docs, (double Rate, LatencySummary Latency) lucene, (double Rate, LatencySummary Latency)? fts)
    {
        string Row(string engine, (double Rate, LatencySummary L) r) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {engine} | {r.Rate:N0} | {r.L.P50:F2} | {r.L.P99:F2} | {r.L.Samples} | {r.L.MeanMatches:N0} ({100.0 * r.L.MeanMatches / docs:F2}%) | {r.L.MaxMatches:N0} ({100.0 * r.L.MaxMatches / docs:F1}%) |");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nCorpus '{corpus.Name}': {docs:N0} documents; {corpus.Description}."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{corpus.Queries.Count} queries as a user in 20 of {CorpusCommon.GroupCount} groups."));
        Console.WriteLine();
        Console.WriteLine("| Engine | Index docs/s | Query p50 ms | Query p99 ms | Samples | Visible matches per query, mean | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Row("Lucene.Net (SearchService: hits, count, facets, snippets)", lucene));
        if (fts is { } f)
        {
            Console.WriteLine(Row("SQLite FTS5 (top 10 by bm25 + count)", f));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nLucene is {f.Latency.P50 / lucene.Latency.P50:F1}× faster at p50 and {f.Latency.P99 / lucene.Latency.P99:F1}× at p99."));
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Text(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static string Size(string path) => string.Create(
        CultureInfo.InvariantCulture,
        $"{new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1048576.0:F0} MB");

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
