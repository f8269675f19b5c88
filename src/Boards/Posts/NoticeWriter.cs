using System.Security.Cryptography;
using GatewayPortal.Boards.Access;
using GatewayPortal.Boards.Attachments;
using GatewayPortal.Boards.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Boards.Posts;

/// <inheritdoc cref="INoticeWriter"/>
public sealed class NoticeWriter(IBoardsDbContext db, IBoardGroupDirectory directory, TimeProvider time, IEnumerable<INoticeChangeListener> listeners, BoardsMetrics? metrics = null) : INoticeWriter
{
    /// <inheritdoc/>
    public async Task<NoticeSaveResult> CreateAsync(string boardKey, NoticeDraft draft, BoardViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(viewer);
        if (await BoardQueries.LoadAsync(db, boardKey, cancellationToken).ConfigureAwait(false) is not { } loaded || !BoardAccess.CanRead(loaded.Rules, viewer))
        {
            return new NoticeSaveResult.NotFound();
        }

        if (!BoardAccess.CanPost(loaded.Rules, viewer))
        {
            return new NoticeSaveResult.Forbidden();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (await CheckAsync(draft, now, 0, loaded.Rules, null, cancellationToken).ConfigureAwait(false) is { Count: > 0 } errors)
        {
            return new NoticeSaveResult.Invalid(errors);
        }

        var files = Prepare(draft.NewFiles, now);
        var post = new BoardPost
        {
            BoardId = loaded.Board.Id,
            Title = "",
            Body = "",
            SearchText = "",
            AuthorSubject = viewer.SubjectId,
            AuthorName = Bounded(viewer.DisplayName),
            AuthorDepartment = viewer.Department is null ? null : Bounded(viewer.Department),
            CreatedAt = now,
            Version = 1,
        };
        Apply(post, draft, now);
        post.AttachmentCount = files.Count;

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        db.BoardPosts.Add(post);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var audience = AudienceOf(draft);
        db.BoardPostAudiences.AddRange(audience.Select(g => new BoardPostAudience { PostId = post.Id, Group = g }));
        await AddFilesAsync(post.Id, files, cancellationToken).ConfigureAwait(false);
        db.BoardPostRevisions.Add(RevisionOf(post, BoardPostAction.Created, viewer, now, audience, [.. files.Select(f => f.Attachment.FileName)]));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        await NotifyAsync(post.Id, cancellationToken).ConfigureAwait(false);
        metrics?.Posted();
        return new NoticeSaveResult.Saved(post.Id);
    }

    /// <inheritdoc/>
    public async Task<NoticeSaveResult> UpdateAsync(string boardKey, long postId, NoticeDraft draft, BoardViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(viewer);
        if (await LoadChangeableAsync(boardKey, postId, viewer, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return new NoticeSaveResult.NotFound();
        }

        var (rules, post) = loaded;
        if (rules is null)
        {
            return new NoticeSaveResult.Forbidden();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.BoardAttachments.Where(a => a.PostId == post.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var removed = existing.Where(a => draft.RemoveAttachmentIds.Contains(a.Id)).ToList();
        var kept = existing.Except(removed).ToList();
        var errors = (await CheckAsync(draft, now, kept.Count, rules, post.PinnedUntil, cancellationToken).ConfigureAwait(false)).ToList();
        if (draft.BaseVersion is { } baseVersion && baseVersion != post.Version)
        {
            errors.Add(new NoticeError("Title", NoticeErrorCode.Conflict));
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new NoticeSaveResult.Invalid(errors);
        }

        var files = Prepare(draft.NewFiles, now);
        Apply(post, draft, now);
        post.Version++;
        post.AttachmentCount = kept.Count + files.Count;
        var audience = AudienceOf(draft);

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        db.BoardAttachments.RemoveRange(removed);
        await db.BoardPostAudiences.Where(a => a.PostId == post.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.BoardPostAudiences.AddRange(audience.Select(g => new BoardPostAudience { PostId = post.Id, Group = g }));
        await AddFilesAsync(post.Id, files, cancellationToken).ConfigureAwait(false);
        db.BoardPostRevisions.Add(RevisionOf(post, BoardPostAction.Edited, viewer, now, audience,
            [.. kept.Select(a => a.FileName).Concat(files.Select(f => f.Attachment.FileName))]));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new NoticeSaveResult.Invalid([new NoticeError("Title", NoticeErrorCode.Conflict)]);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        await NotifyAsync(post.Id, cancellationToken).ConfigureAwait(false);
        return new NoticeSaveResult.Saved(post.Id);
    }

    /// <inheritdoc/>
    public async Task<NoticeSaveResult> DeleteAsync(string boardKey, long postId, BoardViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (await LoadChangeableAsync(boardKey, postId, viewer, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return new NoticeSaveResult.NotFound();
        }

        if (loaded.Rules is null)
        {
            return new NoticeSaveResult.Forbidden();
        }

        var post = loaded.Post;
        var now = time.GetUtcNow().UtcDateTime;
        var audience = await db.BoardPostAudiences.Where(a => a.PostId == post.Id).Select(a => a.Group).ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = await db.BoardAttachments.Where(a => a.PostId == post.Id).OrderBy(a => a.Id).Select(a => a.FileName).ToListAsync(cancellationToken).ConfigureAwait(false);
        post.IsDeleted = true;
        post.Version++;
        post.UpdatedAt = now;
        db.BoardPostRevisions.Add(RevisionOf(post, BoardPostAction.Deleted, viewer, now, audience, names));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new NoticeSaveResult.NotFound();
        }

        db.ChangeTracker.Clear();
        await NotifyAsync(post.Id, cancellationToken).ConfigureAwait(false);
        return new NoticeSaveResult.Saved(post.Id);
    }

    // Null when the post is missing or hidden from the viewer; Rules null when visible but not theirs to change.
    private async Task<(BoardRules? Rules, BoardPost Post)?> LoadChangeableAsync(string boardKey, long postId, BoardViewer viewer, CancellationToken cancellationToken)
    {
        if (await BoardQueries.LoadAsync(db, boardKey, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return null;
        }

        var post = await db.BoardPosts.FirstOrDefaultAsync(p => p.Id == postId && p.BoardId == loaded.Board.Id && !p.IsDeleted, cancellationToken).ConfigureAwait(false);
        if (post is null)
        {
            return null;
        }

        var audience = await db.BoardPostAudiences.AsNoTracking().Where(a => a.PostId == post.Id).Select(a => a.Group).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!BoardAccess.CanReadPost(loaded.Rules, viewer, new PostVisibility(post.AuthorSubject, post.PublishAt, post.ExpiresAt, audience), time.GetUtcNow().UtcDateTime))
        {
            db.ChangeTracker.Clear();
            return null;
        }

        return (BoardAccess.CanChangePost(loaded.Rules, viewer, post.AuthorSubject) ? loaded.Rules : null, post);
    }

    private async Task<IReadOnlyList<NoticeError>> CheckAsync(NoticeDraft draft, DateTime now, int kept, BoardRules rules, DateTime? originalPin, CancellationToken cancellationToken)
    {
        var errors = NoticeValidator.Validate(draft, now, kept, rules, originalPin).ToList();
        if (errors.Any(e => e.Field == "Audience"))
        {
            return errors;
        }

        try
        {
            foreach (var group in AudienceOf(draft))
            {
                if (!await directory.ExistsAsync(group, cancellationToken).ConfigureAwait(false))
                {
                    errors.Add(new NoticeError("Audience", NoticeErrorCode.UnknownGroup, group));
                }
            }
        }
        catch (BoardDirectoryUnavailableException)
        {
            errors.Add(new NoticeError("Audience", NoticeErrorCode.DirectoryUnavailable));
        }

        return errors;
    }

    private static List<string> AudienceOf(NoticeDraft draft) =>
        [.. draft.Audience.Select(BoardAccess.NormaliseGroup).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal)];

    private static void Apply(BoardPost post, NoticeDraft draft, DateTime now)
    {
        post.Title = draft.Title.Trim();
        post.Body = draft.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        post.Category = string.IsNullOrWhiteSpace(draft.Category) ? null : draft.Category.Trim();
        post.PinnedUntil = draft.PinnedUntil;
        post.PublishAt = draft.PublishAt ?? (post.Id == 0 ? now : post.PublishAt);
        post.ExpiresAt = draft.ExpiresAt;
        post.UpdatedAt = now;
        post.SearchText = BoardQueries.SearchTextOf(post.Title, post.Body);
    }

    // Hashing and type checks happen before the transaction opens.
    private static List<(BoardAttachment Attachment, byte[] Bytes)> Prepare(IReadOnlyList<NoticeUpload> uploads, DateTime now) =>
        [.. uploads.Select(u =>
        {
            AttachmentPolicy.Check(u, out var contentType);
            var attachment = new BoardAttachment
            {
                FileName = AttachmentPolicy.CleanName(u.FileName), ContentType = contentType, Size = u.Bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(u.Bytes)), CreatedAt = now,
            };
            return (attachment, u.Bytes);
        })];

    private async Task AddFilesAsync(long postId, List<(BoardAttachment Attachment, byte[] Bytes)> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return;
        }

        foreach (var (attachment, _) in files)
        {
            attachment.PostId = postId;
            db.BoardAttachments.Add(attachment);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.BoardAttachmentContents.AddRange(files.Select(f => new BoardAttachmentContent { AttachmentId = f.Attachment.Id, Bytes = f.Bytes }));
    }

    private static BoardPostRevision RevisionOf(BoardPost post, BoardPostAction action, BoardViewer viewer, DateTime now, IEnumerable<string> audience, IEnumerable<string> files) => new()
    {
        PostId = post.Id,
        Version = post.Version,
        Action = action,
        EditorSubject = viewer.SubjectId,
        EditorName = Bounded(viewer.DisplayName),
        CreatedAt = now,
        Title = post.Title,
        Body = post.Body,
        Category = post.Category,
        PinnedUntil = post.PinnedUntil,
        PublishAt = post.PublishAt,
        ExpiresAt = post.ExpiresAt,
        Audience = string.Join('\n', audience),
        Attachments = string.Join('\n', files),
    };

    private static string Bounded(string value) =>
        value.Length <= BoardsModelBuilderExtensions.MaxPersonLength ? value : value[..BoardsModelBuilderExtensions.MaxPersonLength];

    private async Task NotifyAsync(long postId, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            await listener.PostChangedAsync(postId, cancellationToken).ConfigureAwait(false);
        }
    }
}
