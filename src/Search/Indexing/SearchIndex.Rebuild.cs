using System.Diagnostics;
using System.Threading.Channels;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Indexing;

/// <summary>Rebuild from sources and the status snapshot.</summary>
public sealed partial class SearchIndex
{
    private const int ProgressEvery = 1000;
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);
    private volatile RebuildProgress? _rebuild;

    /// <inheritdoc/>
    public async Task<RebuildResult> RebuildAsync(
        IReadOnlyCollection<ISearchSource> sources, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (!await _rebuildGate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("A search index rebuild is already running.");
        }

        try
        {
            var started = Stopwatch.StartNew();
            BeginRebuild();
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            var total = 0L;
            var index = 0;
            foreach (var source in sources)
            {
                counts[source.Name] = await RebuildSourceAsync(source, index++, sources.Count, total, progress, cancellationToken)
                    .ConfigureAwait(false);
                total += counts[source.Name];
            }

            CommitCore(complete: true);
            _needsRebuild = false;
            Refresh();
            LogRebuilt(_logger, total, started.Elapsed);
            return new RebuildResult(counts, started.Elapsed);
        }
        finally
        {
            EndRebuild();
            _rebuild = null;
            _rebuildGate.Release();
        }
    }

    /// <inheritdoc/>
    public IndexStatus GetStatus()
    {
        using var lease = AcquireSearcher();
        var facets = new FacetCollector();
        lease.Searcher.Search(new MatchAllDocsQuery(), facets);
        var bySource = facets.Sources.Result().ToDictionary(f => f.Value, f => f.Count, StringComparer.Ordinal);
        return new IndexStatus(OpenState, _needsRebuild, lease.Searcher.IndexReader.NumDocs, bySource, _rebuild);
    }

    private async Task<long> RebuildSourceAsync(
        ISearchSource source, int index, int count, long totalBefore, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        // Documents not re-indexed since this instant are stale once the source has been read.
        var cutoff = _time.GetUtcNow().UtcTicks;
        Report(new RebuildProgress(source.Name, index, count, 0, totalBefore, false), progress);
        var read = await ReadIntoWriterAsync(
            source,
            read => Report(new RebuildProgress(source.Name, index, count, read, totalBefore + read, false), progress),
            cancellationToken).ConfigureAwait(false);

        var stale = new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.Source, source.Name)), Occur.MUST },
            { new ConstantScoreQuery(new IndexedBeforeFilter(cutoff)), Occur.MUST },
        };
        _writer.DeleteDocuments(stale);
        Interlocked.Exchange(ref _pendingRefresh, 1);
        Report(new RebuildProgress(source.Name, index, count, read, totalBefore + read, true), progress);
        LogSourceRebuilt(_logger, source.Name, read);
        return read;
    }

    /// <summary>Reads the source on this task and indexes on <see cref="SearchIndexOptions.RebuildThreads"/> workers.</summary>
    private async Task<long> ReadIntoWriterAsync(ISearchSource source, Action<long> onProgress, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<SearchDocument>(new BoundedChannelOptions(1024) { SingleWriter = true });
        var workers = Enumerable.Range(0, _options.RebuildThreads)
            .Select(_ => Task.Run(() => IndexFromAsync(channel.Reader, failed), CancellationToken.None))
            .ToArray();
        var read = 0L;
        try
        {
            await foreach (var document in source.ReadAllAsync(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (!string.Equals(document.Source, source.Name, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Source '{source.Name}' yielded document '{document.Id}' of source '{document.Source}'.");
                }

                await channel.Writer.WriteAsync(document, failed.Token).ConfigureAwait(false);
                if (++read % ProgressEvery == 0)
                {
                    onProgress(read);
                }
            }
        }
        finally
        {
            channel.Writer.TryComplete();
            // A worker's own exception wins over the cancellation it caused here.
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        return read;
    }

    private async Task IndexFromAsync(ChannelReader<SearchDocument> reader, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var document in reader.ReadAllAsync(failed.Token).ConfigureAwait(false))
            {
                UpsertCore(document);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A rebuild flushes larger segments (<see cref="SearchIndexOptions.RebuildRamBufferSizeMb"/>) and does not pack
    /// them into compound files (a copy of every flushed byte); both settings return to normal when it ends.
    /// </summary>
    private void BeginRebuild()
    {
        _writer.Config.RAMBufferSizeMB = Math.Max(_options.RamBufferSizeMb, _options.RebuildRamBufferSizeMb);
        _writer.Config.UseCompoundFile = false;
    }

    private void EndRebuild()
    {
        _writer.Config.RAMBufferSizeMB = _options.RamBufferSizeMb;
        _writer.Config.UseCompoundFile = true;
    }

    private void Report(RebuildProgress value, IProgress<RebuildProgress>? progress)
    {
        _rebuild = value;
        progress?.Report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search source {Source} re-indexed: {Documents} documents")]
    private static partial void LogSourceRebuilt(ILogger logger, string source, long documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Documents} documents in {Elapsed}")]
    private static partial void LogRebuilt(ILogger logger, long documents, TimeSpan elapsed);
}
