using GatewayPortal.Search.Analysis;
using GatewayPortal.Search.Documents;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace GatewayPortal.Search.Indexing;

/// <summary>
/// Lucene index on local disk (or in memory) with one <see cref="IndexWriter"/> and a
/// near-real-time <see cref="SearcherManager"/> refreshed in the background.
/// </summary>
public sealed partial class SearchIndex : ISearchIndex, IDisposable
{
    private readonly SearchIndexOptions _options;
    private readonly ILogger<SearchIndex> _logger;
    private readonly TimeProvider _time;
    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly DocumentMapper _mapper;
    private int _pendingRefresh;
    private volatile bool _needsRebuild;

    /// <summary>Opens the configured index, recreating it empty when it is missing, outdated or damaged.</summary>
    public SearchIndex(IOptions<SearchIndexOptions> options, ILogger<SearchIndex> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _time = timeProvider;
        _mapper = new DocumentMapper(_options.MaxStoredBodyChars);
        SearchCodec.Register();
        _directory = _options.InMemory ? new RAMDirectory() : new MappedDirectory(new DirectoryInfo(Path.GetFullPath(_options.IndexPath)));
        OpenState = IndexInspector.Inspect(_directory, _options.VerifyChecksumsOnOpen, logger);
        _needsRebuild = OpenState != IndexOpenState.Ready;
        _complete = OpenState == IndexOpenState.Ready;
        if (OpenState is IndexOpenState.SchemaMismatch or IndexOpenState.Corrupt)
        {
            IndexInspector.Clear(_directory);
        }

        _analyzer = new PerFieldAnalyzerWrapper(
            KoreanEnglishAnalyzer.ForIndex(),
            new Dictionary<string, Analyzer> { [SearchFields.Suggest] = new PrefixAnalyzer(queryMode: false) });
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = _options.RamBufferSizeMb,
            Codec = new SearchCodec(),
        };
        _writer = new IndexWriter(_directory, config);
        // Marks the index open (not closed) on disk until Dispose commits it closed, so a kill is noticed at the next start.
        CommitCore(_complete);

        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        _maintenance = Task.Run(() => MaintainAsync(_stopping.Token));
        LogOpened(_logger, OpenState, _writer.NumDocs);
    }

    /// <inheritdoc/>
    public IndexOpenState OpenState { get; }

    /// <inheritdoc/>
    public bool NeedsRebuild => _needsRebuild;

    /// <inheritdoc/>
    public void Upsert(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            UpsertCore(document);
        }

        Interlocked.Exchange(ref _pendingRefresh, 1);
    }

    /// <inheritdoc/>
    public void Delete(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        _writer.DeleteDocuments(new Term(SearchFields.Id, id));
        Interlocked.Exchange(ref _pendingRefresh, 1);
    }

    /// <inheritdoc/>
    public void DeleteSource(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        _writer.DeleteDocuments(new Term(SearchFields.Source, source));
        Interlocked.Exchange(ref _pendingRefresh, 1);
    }

    /// <inheritdoc/>
    public void Refresh()
    {
        Interlocked.Exchange(ref _pendingRefresh, 0);
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Distinct principal sets a search service over this index caches visibility for.</summary>
    internal int PrincipalFilterCacheSize => _options.PrincipalFilterCacheSize;

    /// <summary>Threads a search service over this index collects a large index's matches on.</summary>
    internal int QueryThreads => _options.QueryThreads;

    /// <summary>Documents from which a search service uses <see cref="QueryThreads"/>.</summary>
    internal int ParallelQueryMinDocs => _options.ParallelQueryMinDocs;

    /// <summary>Blocks until the background merges running now have finished (benchmarks measure a settled index).</summary>
    internal void WaitForMerges() => _writer.WaitForMerges();

    /// <summary>The writer's indexing buffer and whether it packs flushed segments into compound files (tests).</summary>
    internal (double RamBufferMb, bool CompoundFiles) WriterSettings => (_writer.Config.RAMBufferSizeMB, _writer.Config.UseCompoundFile);

    /// <summary>Acquires the current near-real-time searcher.</summary>
    internal SearcherLease AcquireSearcher() => new(_searchers, _searchers.Acquire());

    private void UpsertCore(SearchDocument document) =>
        _writer.UpdateDocument(new Term(SearchFields.Id, document.Id), _mapper.ToLucene(document, _time.GetUtcNow().UtcTicks));

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index opened ({State}) with {Documents} documents")]
    private static partial void LogOpened(ILogger logger, IndexOpenState state, int documents);
}
