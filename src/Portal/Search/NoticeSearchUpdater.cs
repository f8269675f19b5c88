using GatewayPortal.Boards.Posts;
using GatewayPortal.Boards.Storage;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Indexing;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// Brings one notice's search document on this node in line with the database right after a change; the other nodes follow
/// the feed row that committed with the change (<see cref="SearchChangeOutbox"/>).
/// </summary>
public sealed partial class NoticeSearchUpdater(IBoardsDbContext db, ISearchIndex index, TimeProvider time, ILogger<NoticeSearchUpdater> logger) : INoticeChangeListener
{
    /// <summary>Re-indexes or removes the post on this node and makes it searchable at once; failures are logged, never thrown.</summary>
    public async Task PostChangedAsync(long postId, CancellationToken cancellationToken = default)
    {
        try
        {
            await ApplyAsync(db, index, postId, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            index.Refresh();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIndexFailed(logger, postId, ex);
        }
    }

    /// <summary>Re-indexes the post in <paramref name="index"/> when live, else removes it; what was done.</summary>
    public static async Task<SearchChangeKind> ApplyAsync(IBoardsDbContext db, ISearchIndex index, long postId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        var documents = await NoticeSearchDocuments.LoadAsync(db, 0, 1, postId, nowUtc, cancellationToken).ConfigureAwait(false);
        if (documents.Count == 0)
        {
            index.Delete(NoticeSearchDocuments.IdOf(postId));
            return SearchChangeKind.Delete;
        }

        index.Upsert([documents[0].Document]);
        return SearchChangeKind.Upsert;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notice {PostId} could not be re-indexed on this node")]
    private static partial void LogIndexFailed(ILogger logger, long postId, Exception exception);
}
