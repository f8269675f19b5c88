using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Tests.Support;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Tests.Querying;

public sealed class RelevanceCollectorTests
{
    private static readonly long Now = Docs.Now.ToUnixTimeMilliseconds();

    /// <summary>Collects every document of the index with the given base scores (by document number).</summary>
    private static RelevanceCollector Collect(TestIndex index, int window, params float[] scores) => Collect(index, window, descending: false, scores);

    private static RelevanceCollector Collect(TestIndex index, int window, bool descending, params float[] scores)
    {
        var collector = new RelevanceCollector(window, Now, new FacetCollector());
        using var lease = index.Index.AcquireSearcher();
        foreach (var leaf in lease.Searcher.IndexReader.Leaves)
        {
            collector.SetNextReader(leaf);
            var scorer = new ListScorer(scores, leaf.DocBase);
            collector.SetScorer(scorer);
            var docs = Enumerable.Range(0, leaf.AtomicReader.MaxDoc);
            foreach (var doc in descending ? docs.Reverse() : docs)
            {
                scorer.Current = doc;
                collector.Collect(doc);
            }
        }

        return collector;
    }

    [Fact]
    public void Hits_EqualScores_KeepTheLowerDocumentsFirstAndCountEveryMatch()
    {
        // Arrange: five documents of one date, so one boost.
        using var index = new TestIndex().With(
            [.. Enumerable.Range(0, 5).Select(i => Docs.Make($"d{i}", "같은 제목", date: Docs.Now))]);

        // Act
        var collector = Collect(index, 3, 1f, 1f, 1f, 1f, 1f);
        var hits = collector.Hits();

        // Assert
        Assert.Equal(5, collector.TotalHits);
        Assert.Equal([0, 1, 2], hits.Select(h => h.Doc));
    }

    [Fact]
    public void Hits_EqualScoresArrivingHighestFirst_StillKeepTheLowerDocuments()
    {
        // Arrange: a thread's pieces of the index come in any order.
        using var index = new TestIndex().With(
            [.. Enumerable.Range(0, 5).Select(i => Docs.Make($"d{i}", "같은 제목", date: Docs.Now))]);

        // Act
        var hits = Collect(index, 3, descending: true, 1f, 1f, 1f, 1f, 1f).Hits();

        // Assert
        Assert.Equal([0, 1, 2], hits.Select(h => h.Doc));
    }

    [Fact]
    public void Hits_BetterScoresReplaceWorseOnes_BestFirst()
    {
        // Arrange
        using var index = new TestIndex().With(
            [.. Enumerable.Range(0, 6).Select(i => Docs.Make($"d{i}", "같은 제목", date: Docs.Now))]);

        // Act
        var hits = Collect(index, 3, 1f, 5f, 2f, 4f, 3f, 4f).Hits();

        // Assert: 5, then the two 4s in document order.
        Assert.Equal([1, 3, 5], hits.Select(h => h.Doc));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Equal(hits[1].Score, hits[2].Score);
    }

    [Fact]
    public void Boost_FreshUpToHalfMore_YearOldAboutASixthMore_UndatedNone()
    {
        // Act
        var fresh = RelevanceCollector.Boost(2f, Now, Now);
        var future = RelevanceCollector.Boost(2f, Now + 86_400_000, Now);
        var yearOld = RelevanceCollector.Boost(2f, Now - (365 * 86_400_000L), Now);
        var undated = RelevanceCollector.Boost(2f, 0, Now);

        // Assert
        Assert.Equal(3f, fresh, 5);
        Assert.Equal(3f, future, 5);
        Assert.Equal(2f * (1 + (0.5 * 180 / (180 + 365))), yearOld, 4);
        Assert.Equal(2f, undated);
    }

    /// <summary>A scorer whose score is the test's number for the current document.</summary>
    private sealed class ListScorer(float[] scores, int docBase) : Scorer(null)
    {
        public int Current { get; set; } = -1;

        public override int DocID => Current;

        public override int Freq => 1;

        public override float GetScore() => scores[docBase + DocID];

        public override int NextDoc() => throw new NotSupportedException();

        public override int Advance(int target) => throw new NotSupportedException();

        public override long GetCost() => scores.Length;
    }
}
