namespace GatewayPortal.Boards.Posts;

/// <summary>Reads boards and posts for one viewer; whatever the viewer may not read is reported as missing.</summary>
public interface INoticeReader
{
    /// <summary>The boards the viewer may read: organisation first, then custom, then departments, by name.</summary>
    Task<IReadOnlyList<BoardView>> GetBoardsAsync(BoardViewer viewer, CancellationToken cancellationToken = default);

    /// <summary>The board with <paramref name="key"/>, or null when there is none or the viewer may not read it.</summary>
    Task<BoardView?> GetBoardAsync(string key, BoardViewer viewer, CancellationToken cancellationToken = default);

    /// <summary>A page of posts: pinned first, then newest; bounded search within titles and bodies.</summary>
    Task<NoticeListPage> ListAsync(NoticeListQuery query, BoardViewer viewer, CancellationToken cancellationToken = default);

    /// <summary>A post, or null when missing, deleted, on another board or hidden from the viewer.</summary>
    /// <param name="boardKey">The board key from the URL.</param>
    /// <param name="postId">The post id.</param>
    /// <param name="viewer">The viewer.</param>
    /// <param name="markRead">Records that the viewer read this version, counting the read once per person.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<NoticeView?> OpenAsync(string boardKey, long postId, BoardViewer viewer, bool markRead, CancellationToken cancellationToken = default);

    /// <summary>A post's history, oldest first, or null when the viewer may not open the post.</summary>
    Task<IReadOnlyList<NoticeRevisionView>?> GetHistoryAsync(string boardKey, long postId, BoardViewer viewer, CancellationToken cancellationToken = default);

    /// <summary>An attachment's bytes, or null when missing or its post is hidden from the viewer.</summary>
    Task<AttachmentDownload?> GetAttachmentAsync(long attachmentId, BoardViewer viewer, CancellationToken cancellationToken = default);
}
