namespace GatewayPortal.Boards;

/// <summary>The notices the home page shows a person: pinned first, then the newest, trimmed by audience.</summary>
public interface INoticeHeadlines
{
    /// <summary>
    /// Up to <paramref name="count"/> published, unexpired posts this person may read, from every board: pinned
    /// (pin date not passed) first, then newest first. Meant for every home page view: one or two indexed queries.
    /// </summary>
    Task<IReadOnlyList<NoticeHeadline>> GetForHomeAsync(BoardViewer viewer, int count, CancellationToken cancellationToken = default);
}
