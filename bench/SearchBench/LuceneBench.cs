using System.Diagnostics;
using System.Runtime.CompilerServices;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Querying;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>Indexes the corpus through <see cref="SearchIndex.RebuildAsync"/> and runs the mix through <see cref="SearchService"/>.</summary>
internal sealed class LuceneBench(string folder, IReadOnlyList<SearchDocument> corpus) : IDisposable
{
    private readonly SearchIndex _index = new(
        Options.Create(new SearchIndexOptions { IndexPath = folder, VerifyChecksumsOnOpen = false }),
        NullLogger<SearchIndex>.Instance,
        TimeProvider.System);

    private SearchService? _service;

    public async Task<double> IndexAsync()
    {
        var gcBefore = GcSnapshot.Take();
        var started = Stopwatch.StartNew();
        var sources = new[] { SearchSources.Wiki, SearchSources.Web, SearchSources.Person, SearchSources.Application }
            .Select(name => new CorpusSource(name, corpus))
            .ToList();
        await _index.RebuildAsync(sources, null, CancellationToken.None);
        var rate = corpus.Count / started.Elapsed.TotalSeconds;
        await Console.Error.WriteLineAsync($"[{DateTime.Now:HH:mm:ss}] gc during the rebuild: {GcSnapshot.Take().Since(gcBefore)}");

        // The rate is documents searchable per second. Merges the rebuild started go on in the background for a while;
        // queries are measured on the settled index, as users meet it, and the settling time is reported.
        var searchable = started.Elapsed;
        _index.WaitForMerges();
        _index.Refresh();
        await Console.Error.WriteLineAsync($"[{DateTime.Now:HH:mm:ss}] merges settled {(started.Elapsed - searchable).TotalSeconds:F0} s after the rebuild returned");
        _service = new SearchService(_index, TimeProvider.System);
        return rate;
    }

    public LatencySummary Query(IReadOnlyList<string> queries, IReadOnlyCollection<string> principals, int rounds)
    {
        var service = _service ?? throw new InvalidOperationException("Index first.");
        var gcBefore = GcSnapshot.Take();
        var latency = Latency.Measure(queries, rounds, q => service.Search(new SearchRequest(q, principals)).TotalHits);
        using var lease = _index.AcquireSearcher();
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] queried {lease.Searcher.IndexReader.Leaves.Count} segments; gc during the queries: {GcSnapshot.Take().Since(gcBefore)}");
        return latency;
    }

    /// <summary>Each query's visible matches and its median over 20 runs, to stderr.</summary>
    public void PrintPerQuery(IReadOnlyList<string> queries, IReadOnlyCollection<string> principals)
    {
        var service = _service ?? throw new InvalidOperationException("Index first.");
        foreach (var q in queries)
        {
            var times = new double[20];
            var total = 0;
            for (var i = 0; i < times.Length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                total = service.Search(new SearchRequest(q, principals)).TotalHits;
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Array.Sort(times);
            var count = Median(() => service.CountOnly(new SearchRequest(q, principals)));
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {times[10],7:F2} ms (match+count only {count,6:F2} ms) {total,9:N0}  {q}"));
        }
    }

    private static double Median(Action action)
    {
        var times = new double[21];
        for (var i = 0; i < times.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[10];
    }

    public void Dispose()
    {
        _service?.Dispose();
        _index.Dispose();
    }

    private sealed class CorpusSource(string name, IReadOnlyList<SearchDocument> corpus) : ISearchSource
    {
        public string Name => name;

        public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            foreach (var document in corpus)
            {
                if (string.Equals(document.Source, name, StringComparison.Ordinal))
                {
                    yield return document;
                }
            }
        }
    }
}
