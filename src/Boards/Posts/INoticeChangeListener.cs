namespace GatewayPortal.Boards.Posts;

/// <summary>Told after a post was saved or deleted (the host queues a search-index update).</summary>
public interface INoticeChangeListener
{
    /// <summary>The post changed (created, edited or deleted).</summary>
    Task PostChangedAsync(long postId, CancellationToken cancellationToken = default);
}
