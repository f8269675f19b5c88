using System.Runtime.CompilerServices;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Tests.Support;
using GatewayPortal.Testing;
using Lucene.Net.Index;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Search.Tests.Indexing;

public sealed class SearchIndexTests
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Moves the index's refresh clock one interval at a time until the condition holds (the refresh runs in the
    /// background, so it is polled); fails if it never does. No real interval is waited out.
    /// </summary>
    private static Task UntilRefreshedAsync(FakeTimeProvider clock, Func<bool> condition, string because) =>
        Eventually.UntilAsync(() => { clock.Advance(RefreshInterval); return condition(); }, TimeSpan.FromSeconds(10), because, TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task Upsert_WithoutExplicitRefresh_BecomesSearchableAtTheNextRefresh()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        using var index = new TestIndex(refreshInterval: RefreshInterval, refreshClock: clock);

        // Act
        index.Index.Upsert([Docs.Make("a", "주차 요금 안내")]);
        var beforeRefresh = index.Ids("주차");

        // Assert
        Assert.Empty(beforeRefresh);
        await UntilRefreshedAsync(clock, () => index.Ids("주차").SequenceEqual(["a"]), "the upserted document to be found");
    }

    [Fact]
    public async Task Upsert_SameId_ReplacesAndPermissionChangesApply()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        using var index = new TestIndex(refreshInterval: RefreshInterval, refreshClock: clock).With(Docs.Make("a", "주차 요금"));

        // Act
        index.Index.Upsert([Docs.Make("a", "주차 요금 개정", principals: [SearchPrincipals.Group("g1")])]);

        // Assert
        await UntilRefreshedAsync(clock, () => index.Search("주차").TotalHits == 0, "the replaced document to be visible to its new group only");
        Assert.Equal(1, index.Search("개정", SearchPrincipals.Group("g1")).TotalHits);
    }

    [Fact]
    public async Task Delete_ById_DisappearsAtTheNextRefresh()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        using var index = new TestIndex(refreshInterval: RefreshInterval, refreshClock: clock)
            .With(Docs.Make("a", "청소 일정"), Docs.Make("b", "청소 구역"));

        // Act
        index.Index.Delete("a");
        var beforeRefresh = index.Ids("청소");

        // Assert
        Assert.Equal(["a", "b"], beforeRefresh.Order(StringComparer.Ordinal));
        await UntilRefreshedAsync(clock, () => index.Ids("청소").SequenceEqual(["b"]), "the deleted document to be gone");
    }

    [Fact]
    public void DeleteSource_RemovesOnlyThatSource()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("w", "안내", source: SearchSources.Wiki), Docs.Make("x", "안내", source: SearchSources.Web));

        // Act
        index.Index.DeleteSource(SearchSources.Web);
        index.Index.Refresh();

        // Assert
        Assert.Equal(["w"], index.Ids("안내"));
    }

    [Fact]
    public void Open_EmptyFolder_ReportsMissingAndNeedsRebuild()
    {
        // Arrange
        using var folder = new TempFolder();

        // Act
        using var index = new TestIndex(folder.Path);

        // Assert
        Assert.Equal(IndexOpenState.Missing, index.Index.OpenState);
        Assert.True(index.Index.NeedsRebuild);
    }

    [Fact]
    public async Task Open_AfterCompletedRebuild_IsReadyWithDocuments()
    {
        // Arrange
        using var folder = new TempFolder();
        using (var first = new TestIndex(folder.Path))
        {
            await first.Index.RebuildAsync([new ListSource(SearchSources.Wiki, Docs.Make("a", "도로 공사"))], null, TestContext.Current.CancellationToken);
        }

        // Act
        using var reopened = new TestIndex(folder.Path);

        // Assert
        Assert.Equal(IndexOpenState.Ready, reopened.Index.OpenState);
        Assert.False(reopened.Index.NeedsRebuild);
        Assert.Equal(["a"], reopened.Ids("도로"));
    }

    [Fact]
    public async Task Open_SegmentsWrittenWithTheSmallChunkCodec_AreReadBackAfterReopening()
    {
        // Arrange
        using var folder = new TempFolder();
        using (var first = new TestIndex(folder.Path))
        {
            await first.Index.RebuildAsync([new ListSource(SearchSources.Wiki, Docs.Make("a", "도로 공사"))], null, TestContext.Current.CancellationToken);
        }

        // Act
        var codecs = new List<string>();
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder.Path))
        {
            var infos = new SegmentInfos();
            infos.Read(directory);
            codecs.AddRange(infos.Segments.Select(s => s.Info.Codec.Name));
        }

        using var reopened = new TestIndex(folder.Path);

        // Assert
        Assert.NotEmpty(codecs);
        Assert.All(codecs, name => Assert.Equal(SearchCodec.CodecName, name));
        Assert.Equal("도로 공사", Assert.Single(reopened.Search("도로").Hits).Title);
    }

    [Fact]
    public void Open_IndexOfTheDefaultCodec_StaysReadable()
    {
        // Arrange: an index written by a release before the codec, with the current schema.
        using var folder = new TempFolder();
        OldSchemaIndex.Write(folder.Path, IndexCommitData.SchemaVersion);

        // Act
        using var index = new TestIndex(folder.Path);

        // Assert
        Assert.NotEqual(IndexOpenState.Corrupt, index.Index.OpenState);
        Assert.Equal(1, index.Index.GetStatus().DocumentCount);
    }

    [Fact]
    public async Task Search_WhileDocumentsAreWrittenRefreshedAndMerged_NeverReadsAClosedFile()
    {
        // Arrange: an index on disk (memory-mapped), refreshed every 10 ms, so segments are flushed, merged away and
        // their files closed while two threads search and read stored fields on two threads each.
        using var folder = new TempFolder();
        using var index = new TestIndex(folder.Path, TimeSpan.FromMilliseconds(10), o => (o.ParallelQueryMinDocs, o.QueryThreads) = (0, 2));
        index.Index.Upsert([.. Enumerable.Range(0, 200).Select(i => Docs.Make($"d{i}", $"공유 문서 {i}", "예산 집행 안내"))]);
        index.Index.Refresh();
        var stop = DateTime.UtcNow + TimeSpan.FromSeconds(1.5);
        var searches = 0;

        // Act
        var writer = Task.Run(() =>
        {
            for (var round = 0; DateTime.UtcNow < stop; round++)
            {
                index.Index.Upsert([.. Enumerable.Range(0, 20).Select(i => Docs.Make($"d{((round * 20) + i) % 200}", $"공유 문서 {round}", "예산 집행 안내"))]);
                index.Index.Delete($"d{(round * 7) % 200}");
            }
        }, TestContext.Current.CancellationToken);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (DateTime.UtcNow < stop)
            {
                var results = index.Search("예산 공유");
                Assert.All(results.Hits, h => Assert.StartsWith("d", h.Id, StringComparison.Ordinal));
                Interlocked.Increment(ref searches);
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        await Task.WhenAll([writer, .. readers]);
        index.Index.Refresh();

        // Assert: no read failed, and the index still answers with every live document.
        Assert.True(searches > 10, $"only {searches} searches ran");
        Assert.InRange(index.Search("예산 공유").TotalHits, 150, 200);
    }

    [Fact]
    public void Open_OtherSchemaVersion_RecreatesEmptyAndNeedsRebuild()
    {
        // Arrange
        using var folder = new TempFolder();
        OldSchemaIndex.Write(folder.Path, "0");

        // Act
        using var index = new TestIndex(folder.Path);

        // Assert
        Assert.Equal(IndexOpenState.SchemaMismatch, index.Index.OpenState);
        Assert.True(index.Index.NeedsRebuild);
        Assert.Equal(0, index.Index.GetStatus().DocumentCount);
    }

    [Fact]
    public async Task Open_GarbageInSegmentFile_RecreatesEmptyAndNeedsRebuild()
    {
        // Arrange
        using var folder = new TempFolder();
        using (var first = new TestIndex(folder.Path))
        {
            await first.Index.RebuildAsync([new ListSource(SearchSources.Wiki, Docs.Make("a", "도로 공사"))], null, TestContext.Current.CancellationToken);
        }

        var segmentFile = Directory.GetFiles(folder.Path)
            .Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal))
            .OrderByDescending(f => new FileInfo(f).Length)
            .First();
        var garbage = new byte[new FileInfo(segmentFile).Length];
        new Random(5).NextBytes(garbage);
        await File.WriteAllBytesAsync(segmentFile, garbage, TestContext.Current.CancellationToken);

        // Act
        using var index = new TestIndex(folder.Path);

        // Assert
        Assert.Equal(IndexOpenState.Corrupt, index.Index.OpenState);
        Assert.True(index.Index.NeedsRebuild);
        Assert.Empty(index.Ids("도로"));
        index.With(Docs.Make("b", "도로 보수"));
        Assert.Equal(["b"], index.Ids("도로"));
    }

    [Fact]
    public async Task Rebuild_ReportsProgressAndRemovesDocumentsNoLongerInSource()
    {
        // Arrange
        using var index = new TestIndex().With(Docs.Make("stale", "옛 문서", source: SearchSources.Wiki));
        var wiki = new ListSource(SearchSources.Wiki, [.. Enumerable.Range(0, 2500).Select(i => Docs.Make($"w{i}", $"위키 문서 {i}"))]);
        var apps = new ListSource(SearchSources.Application, Docs.Make("app", "민원 시스템", source: SearchSources.Application));
        var reports = new List<RebuildProgress>();

        // Act
        var result = await index.Index.RebuildAsync([wiki, apps], new SyncProgress(reports), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2500, result.DocumentsBySource[SearchSources.Wiki]);
        Assert.Equal([0L, 1000, 2000, 2500], reports.Where(r => r.Source == SearchSources.Wiki).Select(r => r.SourceDocuments));
        Assert.Equal(new RebuildProgress(SearchSources.Application, 1, 2, 1, 2501, true), reports[^1]);
        Assert.Empty(index.Ids("옛"));
        var status = index.Index.GetStatus();
        Assert.Equal(2501, status.DocumentCount);
        Assert.Equal(2500, status.DocumentsBySource[SearchSources.Wiki]);
        Assert.False(status.NeedsRebuild);
        Assert.Null(status.Rebuild);
    }

    [Fact]
    public void Upsert_DocumentsOneAfterAnother_EachKeepsOnlyItsOwnPrincipalsAndSite()
    {
        // Arrange: the mapper reuses field instances from one document to the next on a thread.
        using var index = new TestIndex().With(
            Docs.Make("a", "공유 문서", site: "a.example.go.kr", principals: [SearchPrincipals.Group("g1"), SearchPrincipals.Group("g2"), SearchPrincipals.Group("g3")]),
            Docs.Make("b", "공유 문서", principals: [SearchPrincipals.Group("g4")]),
            Docs.Make("c", "공유 문서", site: "b.go.kr", principals: [SearchPrincipals.Group("g5")]));

        // Act
        var asG1 = index.Search("공유", SearchPrincipals.Group("g1"));
        var asG4 = index.Search("공유", SearchPrincipals.Group("g4"));
        var asG5 = index.Search("공유", SearchPrincipals.Group("g5"));
        var onSiteA = index.Ids("공유 site:a.example.go.kr", SearchPrincipals.Group("g1"), SearchPrincipals.Group("g4"), SearchPrincipals.Group("g5"));

        // Assert
        Assert.Equal(["a"], asG1.Hits.Select(h => h.Id));
        Assert.Equal("a.example.go.kr", asG1.Hits[0].Site);
        Assert.Equal(["b"], asG4.Hits.Select(h => h.Id));
        Assert.Null(asG4.Hits[0].Site);
        Assert.Equal(["c"], asG5.Hits.Select(h => h.Id));
        Assert.Equal("b.go.kr", asG5.Hits[0].Site);
        Assert.Equal(["a"], onSiteA);
    }

    [Fact]
    public async Task Rebuild_DocumentUpsertedWhileItsSourceIsRead_IsKept()
    {
        // Arrange: only documents written before the source was read count as stale.
        using var index = new TestIndex().With(Docs.Make("stale", "옛 문서"));
        var wiki = new CallbackSource(SearchSources.Wiki, () => index.Index.Upsert([Docs.Make("saved", "방금 저장한 문서")]), Docs.Make("w1", "위키 문서"));

        // Act
        await index.Index.RebuildAsync([wiki], null, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["saved", "w1"], index.Ids("문서").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rebuild_WhileRunning_FlushesLargerSegmentsAndRestoresTheWriterAfterwards()
    {
        // Arrange
        using var index = new TestIndex(configure: o => (o.RamBufferSizeMb, o.RebuildRamBufferSizeMb) = (32, 300));
        var during = default((double RamBufferMb, bool CompoundFiles));
        var wiki = new CallbackSource(SearchSources.Wiki, () => during = index.Index.WriterSettings, Docs.Make("w1", "위키 문서"));

        // Act
        await index.Index.RebuildAsync([wiki], null, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((300d, false), during);
        Assert.Equal((32d, true), index.Index.WriterSettings);
    }

    [Fact]
    public async Task Rebuild_DocumentOfAnotherSource_Throws()
    {
        // Arrange
        using var index = new TestIndex();
        var wrong = new ListSource(SearchSources.Wiki, Docs.Make("x", "웹 문서", source: SearchSources.Web));

        // Act + Assert
        await Assert.ThrowsAsync<InvalidOperationException>(() => index.Index.RebuildAsync([wrong], null, TestContext.Current.CancellationToken));
    }

    private sealed class ListSource(string name, params SearchDocument[] documents) : ISearchSource
    {
        public string Name => name;

        public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var document in documents)
            {
                await Task.Yield();
                yield return document;
            }
        }
    }

    /// <summary>Yields its documents after running a callback, as if something happened while the source was read.</summary>
    private sealed class CallbackSource(string name, Action whileReading, params SearchDocument[] documents) : ISearchSource
    {
        public string Name => name;

        public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            whileReading();
            foreach (var document in documents)
            {
                yield return document;
            }
        }
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SyncProgress(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => reports.Add(value);
    }
}
