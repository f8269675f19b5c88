using GatewayPortal.Boards.Posts;
using GatewayPortal.Boards.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Boards;

/// <inheritdoc cref="INoticeHeadlines"/>
public sealed class NoticeHeadlines(IBoardsDbContext db, TimeProvider time) : INoticeHeadlines
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<NoticeHeadline>> GetForHomeAsync(BoardViewer viewer, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (count <= 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = await BoardQueries.Visible(db, viewer, now, liveOnly: true)
            .OrderByDescending(p => p.PinnedUntil != null && p.PinnedUntil > now).ThenByDescending(p => p.PublishAt).ThenByDescending(p => p.Id)
            .Take(Math.Min(count, 50))
            .Join(db.Boards, p => p.BoardId, b => b.Id, (p, b) => new { p.Id, b.Key, b.NameKo, b.NameEn, p.Title, p.Category, p.PublishAt, p.PinnedUntil, p.Version, p.AttachmentCount })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.Select(r => r.Id).ToArray();
        var subject = viewer.SubjectId;
        var read = ids.Length == 0 ? [] : await db.BoardReadStates.AsNoTracking().Where(r => r.Subject == subject && ids.Contains(r.PostId))
            .ToDictionaryAsync(r => r.PostId, r => r.Version, cancellationToken).ConfigureAwait(false);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return [.. rows.Select(r => new NoticeHeadline(r.Id, r.Key, english ? r.NameEn : r.NameKo, r.Title, r.Category,
            new DateTimeOffset(r.PublishAt, TimeSpan.Zero), r.PinnedUntil is { } pin && pin > now, !read.TryGetValue(r.Id, out var v) || v < r.Version, r.AttachmentCount))];
    }
}
