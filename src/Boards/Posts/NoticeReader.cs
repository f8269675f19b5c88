using GatewayPortal.Boards.Access;
using GatewayPortal.Boards.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Boards.Posts;

/// <inheritdoc cref="INoticeReader"/>
public sealed class NoticeReader(IBoardsDbContext db, TimeProvider time, BoardsMetrics? metrics = null) : INoticeReader
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<BoardView>> GetBoardsAsync(BoardViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var boards = await db.Boards.AsNoTracking().Where(b => !b.IsArchived).ToListAsync(cancellationToken).ConfigureAwait(false);
        var groups = (await db.BoardGroups.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(g => g.BoardId);
        return [.. boards
            .Select(b => BoardQueries.ViewOf(b, BoardQueries.RulesOf(groups[b.Id]), viewer))
            .Where(b => BoardAccess.CanRead(b.Rules, viewer))
            .OrderBy(b => b.Kind switch { BoardKind.Organisation => 0, BoardKind.Custom => 1, _ => 2 })
            .ThenBy(b => b.Name, StringComparer.CurrentCulture)];
    }

    /// <inheritdoc/>
    public async Task<BoardView?> GetBoardAsync(string key, BoardViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(viewer);
        if (await BoardQueries.LoadAsync(db, key, cancellationToken).ConfigureAwait(false) is not { } loaded || !BoardAccess.CanRead(loaded.Rules, viewer))
        {
            return null;
        }

        return BoardQueries.ViewOf(loaded.Board, loaded.Rules, viewer);
    }

    /// <inheritdoc/>
    public async Task<NoticeListPage> ListAsync(NoticeListQuery query, BoardViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        var now = time.GetUtcNow().UtcDateTime;
        var posts = BoardQueries.Visible(db, viewer, now, liveOnly: false);
        if (query.BoardId is { } boardId)
        {
            posts = posts.Where(p => p.BoardId == boardId);
        }

        var term = query.Search?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(term))
        {
            term = term.Length > NoticeListQuery.MaxSearchLength ? term[..NoticeListQuery.MaxSearchLength] : term;
            posts = posts.Where(p => p.SearchText.Contains(term));
        }

        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        var total = await posts.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await posts
            .OrderByDescending(p => p.PinnedUntil != null && p.PinnedUntil > now).ThenByDescending(p => p.PublishAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * size).Take(size)
            .Join(db.Boards, p => p.BoardId, b => b.Id, (p, b) => new
            {
                p.Id,
                b.Key,
                b.NameKo,
                b.NameEn,
                p.Title,
                p.Category,
                p.AuthorName,
                p.AuthorDepartment,
                p.PublishAt,
                p.ExpiresAt,
                p.PinnedUntil,
                p.Version,
                p.ReadCount,
                p.AttachmentCount,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var read = await ReadVersionsAsync(viewer.SubjectId, [.. rows.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var items = rows.Select(r => new NoticeListItem(r.Id, r.Key, english ? r.NameEn : r.NameKo, r.Title, r.Category, r.AuthorName, r.AuthorDepartment, r.PublishAt,
            r.PinnedUntil is { } pin && pin > now, !read.TryGetValue(r.Id, out var v) || v < r.Version, r.ReadCount, r.AttachmentCount,
            BoardQueries.StateOf(r.PublishAt, r.ExpiresAt, now))).ToList();
        return new NoticeListPage(items, total, page, size);
    }

    /// <inheritdoc/>
    public async Task<NoticeView?> OpenAsync(string boardKey, long postId, BoardViewer viewer, bool markRead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (await LoadVisibleAsync(boardKey, postId, viewer, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return null;
        }

        var (board, rules, post, audience) = loaded;
        var now = time.GetUtcNow().UtcDateTime;
        var attachments = await db.BoardAttachments.AsNoTracking().Where(a => a.PostId == post.Id).OrderBy(a => a.Id)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var readCount = post.ReadCount;
        if (markRead && await MarkReadAsync(viewer.SubjectId, post, now, cancellationToken).ConfigureAwait(false))
        {
            readCount++;
            metrics?.Read();
        }

        return new NoticeView(post.Id, BoardQueries.ViewOf(board, rules, viewer), post.Title, post.Body, post.Category, post.PinnedUntil, post.PublishAt, post.ExpiresAt,
            post.AuthorSubject, post.AuthorName, post.AuthorDepartment, post.CreatedAt, post.UpdatedAt, post.Version, readCount, audience, attachments,
            BoardAccess.CanChangePost(rules, viewer, post.AuthorSubject), BoardQueries.StateOf(post.PublishAt, post.ExpiresAt, now));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<NoticeRevisionView>?> GetHistoryAsync(string boardKey, long postId, BoardViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (await LoadVisibleAsync(boardKey, postId, viewer, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return null;
        }

        var revisions = await db.BoardPostRevisions.AsNoTracking().Where(r => r.PostId == loaded.Post.Id).OrderBy(r => r.Version).Take(500)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. revisions.Select(r => new NoticeRevisionView(r.Version, r.Action, r.EditorName, r.CreatedAt, r.Title, r.Body, r.Category, r.PinnedUntil, r.PublishAt,
            r.ExpiresAt, BoardQueries.Lines(r.Audience), BoardQueries.Lines(r.Attachments)))];
    }

    /// <inheritdoc/>
    public async Task<AttachmentDownload?> GetAttachmentAsync(long attachmentId, BoardViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var found = await db.BoardAttachments.AsNoTracking().Where(a => a.Id == attachmentId)
            .Join(db.BoardPosts, a => a.PostId, p => p.Id, (a, p) => new { Attachment = a, p.BoardId })
            .Join(db.Boards, x => x.BoardId, b => b.Id, (x, b) => new { x.Attachment, b.Key })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (found is null || await LoadVisibleAsync(found.Key, found.Attachment.PostId, viewer, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var bytes = await db.BoardAttachmentContents.AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Bytes)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : new AttachmentDownload(found.Attachment.FileName, found.Attachment.ContentType, found.Attachment.Sha256, bytes);
    }

    private async Task<(Board Board, BoardRules Rules, BoardPost Post, IReadOnlyList<string> Audience)?> LoadVisibleAsync(
        string boardKey, long postId, BoardViewer viewer, CancellationToken cancellationToken)
    {
        if (await BoardQueries.LoadAsync(db, boardKey, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return null;
        }

        var post = await db.BoardPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId && p.BoardId == loaded.Board.Id && !p.IsDeleted, cancellationToken)
            .ConfigureAwait(false);
        if (post is null)
        {
            return null;
        }

        var audience = await db.BoardPostAudiences.AsNoTracking().Where(a => a.PostId == post.Id).Select(a => a.Group).ToListAsync(cancellationToken).ConfigureAwait(false);
        var visibility = new PostVisibility(post.AuthorSubject, post.PublishAt, post.ExpiresAt, audience);
        return BoardAccess.CanReadPost(loaded.Rules, viewer, visibility, time.GetUtcNow().UtcDateTime) ? (loaded.Board, loaded.Rules, post, audience) : null;
    }

    private async Task<Dictionary<long, int>> ReadVersionsAsync(string subject, long[] postIds, CancellationToken cancellationToken) =>
        postIds.Length == 0 ? [] : await db.BoardReadStates.AsNoTracking().Where(r => r.Subject == subject && postIds.Contains(r.PostId))
            .ToDictionaryAsync(r => r.PostId, r => r.Version, cancellationToken).ConfigureAwait(false);

    // The first open by a person counts once; a later version only moves their read mark (새 글 goes away).
    private async Task<bool> MarkReadAsync(string subject, BoardPost post, DateTime now, CancellationToken cancellationToken)
    {
        var version = await db.BoardReadStates.AsNoTracking().Where(r => r.Subject == subject && r.PostId == post.Id).Select(r => (int?)r.Version)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (version is { } seen)
        {
            if (seen < post.Version)
            {
                await db.BoardReadStates.Where(r => r.Subject == subject && r.PostId == post.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, post.Version).SetProperty(r => r.ReadAt, now), cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var state = new BoardReadState { Subject = subject, PostId = post.Id, Version = post.Version, ReadAt = now };
        db.BoardReadStates.Add(state);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The same person opened the post twice at once: the other request counted it.
            db.ChangeTracker.Clear();
            return false;
        }

        db.ChangeTracker.Clear();
        await db.BoardPosts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReadCount, p => p.ReadCount + 1), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
