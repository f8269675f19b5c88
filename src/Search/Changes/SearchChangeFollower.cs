using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Storage;
using GatewayPortal.Search.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Search.Changes;

/// <summary>
/// Keeps this node's index in step with changes made on other nodes: reads <c>search_changes</c> every
/// <see cref="SearchChangeFeedOptions.FeedPollInterval"/> in sequence order and applies what others wrote, waiting a while for
/// sequence numbers that were handed out but not yet committed. On start it first catches up from the position saved
/// with the index, or builds the index from the database and follows from just before the build began.
/// </summary>
internal sealed partial class SearchChangeFollower(
    ISearchDbContextFactory contexts,
    SearchChangeApplier applier,
    ISearchIndex index,
    IEnumerable<ISearchSource> sources,
    ISearchNode node,
    SearchChangeFollowerState state,
    SearchMetrics metrics,
    IOptions<SearchChangeFeedOptions> options,
    IOptions<SearchIndexOptions> indexOptions,
    TimeProvider timeProvider,
    ILogger<SearchChangeFollower> logger) : BackgroundService
{
    /// <summary>Most changes read in one poll.</summary>
    internal const int BatchSize = 500;

    /// <summary>How often the position is saved beside an on-disk index (after a commit of the index).</summary>
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(30);

    private readonly SearchChangeFeedOptions _options = options.Value;
    private SearchChangeCursor? _cursor;
    private long _ownChangesUpTo;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _cursor = await StartPositionAsync(stoppingToken).ConfigureAwait(false);
        LogFollowing(logger, node.Name, _cursor.Floor);
        var lastSaved = timeProvider.GetTimestamp();
        var savedFloor = _cursor.Floor;
        using var timer = new PeriodicTimer(_options.FeedPollInterval, timeProvider);
        try
        {
            do
            {
                await PollAsync(_cursor, stoppingToken).ConfigureAwait(false);
                if (_cursor.Floor != savedFloor && timeProvider.GetElapsedTime(lastSaved) >= SaveEvery)
                {
                    SavePosition(_cursor.Floor);
                    savedFloor = _cursor.Floor;
                    lastSaved = timeProvider.GetTimestamp();
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: save where we are, after the index commits what was applied.
            SavePosition(_cursor.Floor);
        }
    }

    /// <summary>Reads what is new (and the gaps), applies other nodes' changes and moves the cursor.</summary>
    internal async Task PollAsync(SearchChangeCursor cursor, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetUtcNow();
        try
        {
            List<SearchChangeRow> rows;
            bool more;
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var after = cursor.Highest;
                rows = await db.SearchChanges.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                more = rows.Count == BatchSize;
                // In batches: a burst of gaps must not exceed SQLite's 32,766 parameters per statement.
                rows.AddRange(await QueryBatches.ToListAsync(cursor.Gaps, gaps => db.SearchChanges.AsNoTracking().Where(c => gaps.Contains(c.Id)),
                    cancellationToken).ConfigureAwait(false));
            }

            var fresh = rows.Where(r => cursor.IsNew(r.Id)).ToList();
            var foreign = fresh.Where(r => r.Node != node.Name || r.Id <= _ownChangesUpTo).ToList();
            await applier.ApplyAsync(foreign, cancellationToken).ConfigureAwait(false);
            var applied = timeProvider.GetUtcNow();
            foreach (var row in fresh)
            {
                cursor.MarkDone(row.Id);
            }

            foreach (var row in foreign)
            {
                metrics.ChangeApplied(row.Source, applied - new DateTimeOffset(DateTime.SpecifyKind(row.CreatedUtc, DateTimeKind.Utc)));
            }

            cursor.Advance(applied);
            if (more)
            {
                state.Progress(cursor.Floor);
            }
            else
            {
                state.Current(started, cursor.Floor);
            }

            if (_failing)
            {
                _failing = false;
                LogRecovered(logger);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is unreachable or a document unreadable: the same changes are read again next time.
            if (!_failing)
            {
                _failing = true;
                LogPollFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} follows the search change feed after change {Position}")]
    private static partial void LogFollowing(ILogger logger, string node, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading or applying the search change feed failed; retrying on every poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The search change feed is being followed again")]
    private static partial void LogRecovered(ILogger logger);
}
