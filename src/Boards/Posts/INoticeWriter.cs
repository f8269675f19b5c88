namespace GatewayPortal.Boards.Posts;

/// <summary>Writes, edits and deletes posts, keeping their history.</summary>
public interface INoticeWriter
{
    /// <summary>Posts <paramref name="draft"/> on the board; nothing is saved unless everything is valid.</summary>
    Task<NoticeSaveResult> CreateAsync(string boardKey, NoticeDraft draft, BoardViewer viewer, CancellationToken cancellationToken = default);

    /// <summary>Edits a post (its author or a board manager); the previous state stays in its history.</summary>
    Task<NoticeSaveResult> UpdateAsync(string boardKey, long postId, NoticeDraft draft, BoardViewer viewer, CancellationToken cancellationToken = default);

    /// <summary>Deletes a post (its author or a board manager): hidden from everyone, kept with its history.</summary>
    Task<NoticeSaveResult> DeleteAsync(string boardKey, long postId, BoardViewer viewer, CancellationToken cancellationToken = default);
}
