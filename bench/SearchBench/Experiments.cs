using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>
/// Engine experiments on a kept index (<c>--experiment FOLDER --docs N</c>): times raw Lucene query shapes for a few
/// words, to see where a query's time goes. Not part of the reported benchmark.
/// </summary>
internal static class Experiments
{
    public static async Task RunAsync(string folder, int docs, IReadOnlyCollection<string> principals)
    {
        if (Environment.GetEnvironmentVariable("SEARCHBENCH_ANALYSIS") == "1")
        {
            Analysis(docs);
            return;
        }

        if (!Directory.Exists(folder))
        {
            var corpus = Enumerable.Range(0, docs).Select(new RealisticCorpus().Generate).ToList();
            using var bench = new LuceneBench(folder, corpus);
            await bench.IndexAsync();
        }

        Run(folder, principals);
    }

    private static void Run(string folder, IReadOnlyCollection<string> principals)
    {
        using var index = new SearchIndex(
            Options.Create(new SearchIndexOptions { IndexPath = folder, RamBufferSizeMb = 256, VerifyChecksumsOnOpen = false }),
            NullLogger<SearchIndex>.Instance,
            TimeProvider.System);
        index.Refresh();
        using var service = new SearchService(index, TimeProvider.System);
        var filter = new PrincipalFilterCache(4).Get(principals);
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        Console.Error.WriteLine($"segments: {searcher.IndexReader.Leaves.Count}, docs {searcher.IndexReader.NumDocs:N0}");
        if (Environment.GetEnvironmentVariable("SEARCHBENCH_FIELDS") == "1")
        {
            // Distinct terms per field in each segment: the terms dictionary written at every flush grows with them.
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var line = new System.Text.StringBuilder($"segment of {leaf.AtomicReader.MaxDoc:N0} docs:");
                foreach (var field in leaf.AtomicReader.Fields)
                {
                    var terms = leaf.AtomicReader.GetTerms(field);
                    line.Append(CultureInfo.InvariantCulture, $" {field} {terms.Count:N0} ({terms.SumDocFreq:N0} postings);");
                }

                Console.Error.WriteLine(line.ToString());
            }

            return;
        }

        if (Environment.GetEnvironmentVariable("SEARCHBENCH_TRIGRAMS") == "1")
        {
            // Would three-syllable grams alone do? A four-syllable word as a phrase of two 3-grams against its 4-gram.
            foreach (var word in new[] { "행정포털", "보도자료", "어린이집", "공공임대", "자원봉사", "주차관리과", "전자결재시스템" })
            {
                var fields = new[] { SearchFields.Title, SearchFields.Headings, SearchFields.Body };
                var grams = new DisjunctionMaxQuery(0.1f);
                var trigrams = new DisjunctionMaxQuery(0.1f);
                foreach (var field in fields)
                {
                    grams.Add(Cover(field, word, 4));
                    trigrams.Add(Cover(field, word, 3));
                }

                Time($"{word} 4-grams top10", () => Top(searcher, grams, filter));
                Time($"{word} 3-grams top10", () => Top(searcher, trigrams, filter));
            }

            return;
        }

        if (Environment.GetEnvironmentVariable("SEARCHBENCH_MIX_ONLY") == "1")
        {
            // The benchmark's measurement on a kept index, for quick turns on the query side.
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
            var mix = Latency.Measure(QueryMix.Realistic, 20, q => service.Search(new SearchRequest(q, principals)).TotalHits);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mix: p50 {mix.P50:F2} ms, p99 {mix.P99:F2} ms over {mix.Samples} samples"));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gc during the mix (1,150 searches): gen0 {GC.CollectionCount(0) - gcs.Item1}, gen1 {GC.CollectionCount(1) - gcs.Item2}, gen2 {GC.CollectionCount(2) - gcs.Item3}, pauses {(GC.GetTotalPauseDuration() - gcs.Item4).TotalMilliseconds:F0} ms, allocated {(GC.GetTotalAllocatedBytes() - gcs.Item5) / 1048576.0:F0} MB"));
            foreach (var query in QueryMix.Realistic)
            {
                Time(query, () => service.Search(new SearchRequest(query, principals)).TotalHits);
                var before = GC.GetTotalAllocatedBytes(precise: true);
                service.CountOnly(new SearchRequest(query, principals));
                var counted = GC.GetTotalAllocatedBytes(precise: true);
                service.Search(new SearchRequest(query, principals));
                var searched = GC.GetTotalAllocatedBytes(precise: true);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      allocated: count only {(counted - before) / 1024.0:N0} KB, search {(searched - counted) / 1024.0:N0} KB"));
            }

            return;
        }

        TermStats(searcher.IndexReader);
        for (var pass = 0; pass < 3; pass++)
        {
            _quiet = pass < 2;
            Pass(searcher, service, filter, principals);
        }

        var builder = new LuceneQueryBuilder(GatewayPortal.Search.Analysis.KoreanEnglishAnalyzer.ForQuery());
        foreach (var text in new[] { "전자결재시스템", "행정포털", "보도자료" })
        {
            var built = builder.BuildScoring(UserQueryParser.Parse(text), false, searcher.IndexReader)!;
            Console.Error.WriteLine(built.ToString());
            Time($"{text} built, count", () => Count(searcher, built, filter));
            Time($"{text} built, count no filter", () => Count(searcher, built, null));
            var grams = Enumerable.Range(0, text.Length - 1).Select(i => text.Substring(i, 2)).ToArray();
            Console.Error.WriteLine("   df: " + string.Join(", ", grams.Select(g => $"{g}={searcher.IndexReader.DocFreq(new Term(SearchFields.Body, g))}")));
            Time($"{text} exact body phrase", () => Count(searcher, Phrase(SearchFields.Body, grams), filter));
            Time($"{text} exact dismax", () => Count(searcher, DisMax(grams), filter));
        }

        foreach (var query in QueryMix.Realistic)
        {
            Time($"{query} (build only)", () => builder.BuildScoring(UserQueryParser.Parse(query), false, searcher.IndexReader) is null ? 0 : 1);
            Time($"{query} (count only)", () => service.CountOnly(new SearchRequest(query, principals)));
            Time($"{query}", () => service.Search(new SearchRequest(query, principals)).TotalHits);
        }
    }

    private static bool _quiet;

    private static Query Cover(string field, string word, int gram)
    {
        if (word.Length <= gram)
        {
            return new TermQuery(new Term(field, word));
        }

        var phrase = new PhraseQuery();
        for (var i = 0; i + gram < word.Length; i += gram)
        {
            phrase.Add(new Term(field, word.Substring(i, gram)), i);
        }

        phrase.Add(new Term(field, word[^gram..]), word.Length - gram);
        return phrase;
    }

    /// <summary>How much of indexing is analysis: tokens per second of the index analyzer alone, on one thread.</summary>
    private static void Analysis(int docs)
    {
        var corpus = Enumerable.Range(0, docs).Select(new RealisticCorpus().Generate).ToList();
        using var prefix = new GatewayPortal.Search.Analysis.PrefixAnalyzer(queryMode: false);
        for (var pass = 0; pass < 2; pass++)
        {
            var started = Stopwatch.StartNew();
            long tokens = 0;
            foreach (var doc in corpus)
            {
                using var stream = prefix.GetTokenStream(SearchFields.Suggest, doc.Title);
                stream.Reset();
                while (stream.IncrementToken())
                {
                    tokens++;
                }

                stream.End();
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"suggest analysis pass {pass}: {docs / started.Elapsed.TotalSeconds:N0} docs/s, {tokens / (double)docs:F0} tokens per title"));
        }

        using var analyzer = GatewayPortal.Search.Analysis.KoreanEnglishAnalyzer.ForIndex();
        for (var pass = 0; pass < 2; pass++)
        {
            var started = Stopwatch.StartNew();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            long tokens = 0;
            foreach (var doc in corpus)
            {
                foreach (var text in new[] { doc.Title, string.Join('\n', doc.Headings), doc.Body })
                {
                    using var stream = analyzer.GetTokenStream(SearchFields.Body, text);
                    stream.Reset();
                    while (stream.IncrementToken())
                    {
                        tokens++;
                    }

                    stream.End();
                }
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"analysis pass {pass}: {docs / started.Elapsed.TotalSeconds:N0} docs/s on one thread, {tokens / (double)docs:F0} tokens per document, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)docs:N0} bytes allocated per document"));
        }
    }

    /// <summary>Terms of the body field by kind: how many, in how many documents, how many occurrences.</summary>
    private static void TermStats(IndexReader reader)
    {
        var stats = new SortedDictionary<string, (long Terms, long Docs, long Occurrences)>(StringComparer.Ordinal);
        var termsEnum = MultiFields.GetTerms(reader, SearchFields.Body).GetEnumerator();
        while (termsEnum.MoveNext())
        {
            var text = termsEnum.Term.Utf8ToString();
            var kind = text.Contains(' ', StringComparison.Ordinal) ? "cross" : GatewayPortal.Search.Analysis.ScriptTokenizer.IsHangul(text[0]) ? $"hangul{text.Length}" : "other";
            var (terms, docs, occurrences) = stats.GetValueOrDefault(kind);
            stats[kind] = (terms + 1, docs + termsEnum.DocFreq, occurrences + termsEnum.TotalTermFreq);
        }

        foreach (var (kind, (terms, docs, occurrences)) in stats)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  body {kind,-8} terms {terms,12:N0}  postings {docs,14:N0}  occurrences {occurrences,14:N0}"));
        }
    }

    private static void Pass(IndexSearcher searcher, SearchService service, Filter filter, IReadOnlyCollection<string> principals)
    {
        Snippets(searcher);
        foreach (var (word, bigrams) in new[]
        {
            ("민원", new[] { "민원" }), ("재산세", new[] { "재산", "산세" }), ("보도자료", new[] { "보도", "도자", "자료" }),
            ("행정포털", new[] { "행정", "정포", "포털" }),
        })
        {
            Time($"{word} term body", () => Count(searcher, new TermQuery(new Term(SearchFields.Body, bigrams[0])), filter));
            Time($"{word} phrase body", () => Count(searcher, Phrase(SearchFields.Body, bigrams), filter));
            Time($"{word} phrase body no filter", () => Count(searcher, Phrase(SearchFields.Body, bigrams), null));
            Time($"{word} phrase title", () => Count(searcher, Phrase(SearchFields.Title, bigrams), filter));
            Time($"{word} dismax 3 phrases", () => Count(searcher, DisMax(bigrams), filter));
            Time($"{word} dismax 3 phrases scored top10", () => Top(searcher, DisMax(bigrams), filter));
            Time($"{word} dismax top10 + facets", () => Collect(searcher, DisMax(bigrams), filter, new FacetCollector()));
            Time($"{word} dismax top10 + recency + facets", () => Recency(searcher, DisMax(bigrams), filter));
            Time($"{word} service count", () => service.CountOnly(new SearchRequest(word, principals)));
            Time($"{word} service search", () => service.Search(new SearchRequest(word, principals)).TotalHits);
        }
    }

    private static void Snippets(IndexSearcher searcher)
    {
        var builder = new GatewayPortal.Search.Snippets.SnippetBuilder(GatewayPortal.Search.Analysis.KoreanEnglishAnalyzer.ForIndex());
        var terms = new HashSet<string>(StringComparer.Ordinal) { "행정", "정포", "포털" };
        Time("load 10 stored docs", () =>
        {
            for (var d = 1000; d < 1010; d++)
            {
                searcher.Doc(d);
            }

            return 10;
        });
        var bodies = Enumerable.Range(1000, 10).Select(d => searcher.Doc(d).GetField(SearchFields.Body).GetStringValue(CultureInfo.InvariantCulture)).ToList();
        Time("10 snippets", () => bodies.Sum(b => builder.Build(b, terms).Count));
    }

    private static Query Phrase(string field, string[] bigrams)
    {
        if (bigrams.Length == 1)
        {
            return new TermQuery(new Term(field, bigrams[0]));
        }

        var phrase = new PhraseQuery();
        for (var i = 0; i < bigrams.Length; i++)
        {
            phrase.Add(new Term(field, bigrams[i]), i);
        }

        return phrase;
    }

    private static Query DisMax(string[] bigrams) => new DisjunctionMaxQuery(0.1f)
    {
        Phrase(SearchFields.Title, bigrams), Phrase(SearchFields.Headings, bigrams), Phrase(SearchFields.Body, bigrams),
    };

    private static int Count(IndexSearcher searcher, Query query, Filter? filter)
    {
        var count = new TotalHitCountCollector();
        searcher.Search(query, filter, count);
        return count.TotalHits;
    }

    private static int Top(IndexSearcher searcher, Query query, Filter? filter)
    {
        var top = TopScoreDocCollector.Create(10, docsScoredInOrder: true);
        searcher.Search(query, filter, top);
        return top.TotalHits;
    }

    private static int Collect(IndexSearcher searcher, Query query, Filter? filter, ICollector other)
    {
        var top = TopScoreDocCollector.Create(10, docsScoredInOrder: true);
        searcher.Search(query, filter, MultiCollector.Wrap(top, other));
        return top.TotalHits;
    }

    private static int Recency(IndexSearcher searcher, Query query, Filter? filter)
    {
        var top = new RelevanceCollector(10, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), new FacetCollector());
        searcher.Search(query, filter, top);
        return top.TotalHits;
    }

    private static void Time(string label, Func<int> run)
    {
        var result = run();
        var times = new double[31];
        for (var i = 0; i < times.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        if (_quiet)
        {
            return;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {times[15],7:F2} ms  {result,8:N0}  {label}"));
    }
}
