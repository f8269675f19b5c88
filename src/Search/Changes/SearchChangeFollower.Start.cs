using System.Globalization;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Changes;

/// <summary>Where following starts, and the position saved beside an on-disk index.</summary>
internal sealed partial class SearchChangeFollower
{
    /// <summary>Changes this much older than the start are assumed to be in a freshly built index; later ones are applied again.</summary>
    internal static readonly TimeSpan StartWindow = TimeSpan.FromMinutes(1);

    /// <summary>A saved position is used only while the feed still holds what followed it (with this margin).</summary>
    private static readonly TimeSpan RetentionMargin = TimeSpan.FromHours(1);

    private static readonly TimeSpan StartRetry = TimeSpan.FromSeconds(2);

    private async Task<SearchChangeCursor> StartPositionAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await DecideStartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStartFailed(logger, ex);
                await Task.Delay(StartRetry, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<SearchChangeCursor> DecideStartAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        long newest;
        long beforeWindow;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var cutoff = (now - StartWindow).UtcDateTime;
            newest = await db.SearchChanges.MaxAsync(c => (long?)c.Id, cancellationToken).ConfigureAwait(false) ?? 0;
            beforeWindow = await db.SearchChanges.Where(c => c.CreatedUtc < cutoff).MaxAsync(c => (long?)c.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        }

        // Changes this node wrote before it (re)started may be missing from its index too.
        _ownChangesUpTo = newest;
        var gapWait = _options.FeedGapWait;
        if (!index.NeedsRebuild && ReadPosition() is { } saved && saved.Floor <= newest
            && now - saved.SavedAt < _options.FeedRetention - RetentionMargin)
        {
            LogCatchingUp(logger, saved.Floor, newest);
            return new SearchChangeCursor(saved.Floor, gapWait);
        }

        if (index.NeedsRebuild)
        {
            // The host's start-up rebuild (AddPortalSearch) builds it; follow once it is done.
            await WaitForRebuildAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // An index of unknown age: rebuild it from the database (once a periodic re-read of one source is done).
            LogRebuilding(logger);
            while (true)
            {
                try
                {
                    await index.RebuildAsync([.. sources], progress: null, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (InvalidOperationException) when (index.GetStatus().Rebuild is not null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new SearchChangeCursor(beforeWindow, gapWait);
    }

    private async Task WaitForRebuildAsync(CancellationToken cancellationToken)
    {
        var idle = 0;
        while (index.NeedsRebuild)
        {
            // A rebuild that failed leaves NeedsRebuild set with nothing running: follow anyway after a while.
            idle = index.GetStatus().Rebuild is null ? idle + 1 : 0;
            if (idle > 40)
            {
                LogRebuildNotRunning(logger);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private string? PositionFile => indexOptions.Value.InMemory || index is not SearchIndex
        ? null
        : Path.GetFullPath(indexOptions.Value.IndexPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + ".feed-position";

    private (long Floor, DateTimeOffset SavedAt)? ReadPosition()
    {
        if (PositionFile is not { } path || !File.Exists(path))
        {
            return null;
        }

        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var floor)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999
            ? (floor, new DateTimeOffset(ticks, TimeSpan.Zero))
            : null;
    }

    /// <summary>Commits the index, then records that it holds every change up to <paramref name="floor"/>.</summary>
    private void SavePosition(long floor)
    {
        if (PositionFile is not { } path || index is not SearchIndex disk)
        {
            return;
        }

        try
        {
            disk.Commit();
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{floor} {timeProvider.GetUtcNow().UtcTicks}"));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            LogSaveFailed(logger, path, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index catches up on the change feed from {Floor} (newest {Newest})")]
    private static partial void LogCatchingUp(ILogger logger, long floor, long newest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index has no current feed position; rebuilding it from the database")]
    private static partial void LogRebuilding(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index still needs a rebuild but none is running; following the change feed anyway")]
    private static partial void LogRebuildNotRunning(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change feed's start position; retrying")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the change feed position to {Path}")]
    private static partial void LogSaveFailed(ILogger logger, string path, Exception exception);
}
