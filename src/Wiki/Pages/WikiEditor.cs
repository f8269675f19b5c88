using System.Globalization;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Merge;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Text;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Pages;

/// <inheritdoc cref="IWikiEditor"/>
/// <remarks>
/// A save reads, merges, parses and hashes with no transaction open, then opens the write transaction only to check that the
/// page is still as read (its concurrency stamp) and to write; if it changed, the whole save starts over (<see cref="SaveRetry"/>),
/// and the last attempt takes the lock before reading so that a page many people save at once still takes every edit.
/// On SQLite a transaction takes the database's single write lock at BEGIN, so no CPU work may happen inside one.
/// </remarks>
public sealed class WikiEditor(
    IWikiDbContext db,
    IWikiAccessPolicy policy,
    IWikiMerger merger,
    IWikiRenderer renderer,
    TimeProvider time,
    IOptions<WikiOptions> options) : IWikiEditor
{
    private readonly EditGate _gate = new(db, policy);
    private readonly RevisionWriter _writer = new(db, renderer, time);

    /// <inheritdoc/>
    public async Task<WikiSaveResult> SaveAsync(WikiSaveRequest request, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (!WikiTitle.TryParse(request.Title, request.Space, out var title, out var error))
        {
            return new WikiSaveResult.InvalidTitle(error);
        }

        var text = WikiText.Normalize(request.Text);
        return TooLarge(text) ?? await SaveRetry.RunAsync(db, last => SaveOnceAsync(title, text, request, actor, last, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<WikiSaveResult> RevertAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await SaveRetry.RunAsync(db, last => RevertOnceAsync(revisionId, actor, last, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<WikiSaveResult> SaveOnceAsync(WikiTitle title, string text, WikiSaveRequest request, WikiActor actor, bool lastAttempt, CancellationToken cancellationToken)
    {
        // Unlocked: every read, the merge, the Markdown parse and the hash. When the page changed under every earlier attempt
        // (dozens of people saving it at once), the last attempt takes the write lock first so that it cannot lose again:
        // the one case where a merge runs under the lock, traded for the edit going in.
        // No transaction on the first attempts, and ConfigureAwait cannot wrap a null one.
#pragma warning disable CA2007
        await using var early = lastAttempt ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
#pragma warning restore CA2007
        var mine = text;
        var page = await db.FindPageAsync(title, cancellationToken).ConfigureAwait(false);
        if (await _gate.CheckAsync(page, title.Space, actor, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var current = await db.FindRevisionAsync(page?.CurrentRevisionId, cancellationToken).ConfigureAwait(false);
        var summary = request.Summary;
        var merged = false;
        if (current is not null && request.BaseRevisionId != current.Id)
        {
            var baseRevision = await db.FindRevisionAsync(request.BaseRevisionId, cancellationToken).ConfigureAwait(false);
            if (baseRevision is null || baseRevision.PageId != current.PageId)
            {
                // Someone created the page meanwhile, or the base is not this page's: there is nothing to merge against.
                return WholeTextConflict(mine, current);
            }

            var merge = merger.Merge(baseRevision.Text, text, current.Text, cancellationToken);
            if (!merge.IsClean)
            {
                return new WikiSaveResult.Conflict(merge.Conflicts, mine, current.Id);
            }

            (text, summary, merged) = (merge.MergedText, summary + options.Value.MergedSummarySuffix, true);
            if (TooLarge(text) is { } tooLarge)
            {
                return tooLarge;
            }
        }

        if (string.Equals(text, current?.Text ?? string.Empty, StringComparison.Ordinal))
        {
            return new WikiSaveResult.NoChange();
        }

        var prepared = _writer.Prepare(text, title.Space, cancellationToken);
        if (RevisionWriter.OverLimit(prepared) is { } overLimit)
        {
            return overLimit;
        }

        // Locked: check nothing changed since the reads, then write.
        var transaction = early ?? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (early is not null || await IsUnchangedAsync(title, page, cancellationToken).ConfigureAwait(false))
            {
                page ??= new WikiPage { SpaceKey = title.Space, Title = title.Name, Slug = title.Slug };
                // An edited redirect page becomes an ordinary page.
                page.RedirectToPageId = null;
                var revision = await _writer.AppendAsync(page, current, prepared, summary, request.IsMinor, actor, cancellationToken).ConfigureAwait(false);
                await db.WikiDrafts.Where(d => d.UserSubject == actor.Subject && d.SpaceKey == title.Space && d.Title == title.Name)
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                var info = WikiRevisionInfo.From(revision);
                return merged ? new WikiSaveResult.Merged(info) : new WikiSaveResult.Saved(info);
            }
        }
        catch (DbUpdateException) when (lastAttempt)
        {
            // PostgreSQL's BEGIN locks nothing: the last attempt can still lose the race. Hand the author's text back below.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (early is null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (!lastAttempt)
        {
            throw new StaleReadException();
        }

        db.ChangeTracker.Clear();
        var newest = await db.FindPageAsync(title, cancellationToken).ConfigureAwait(false);
        var theirs = await db.FindRevisionAsync(newest?.CurrentRevisionId, cancellationToken).ConfigureAwait(false)
            ?? throw new StaleReadException();
        return WholeTextConflict(mine, theirs);
    }

    private async Task<WikiSaveResult> RevertOnceAsync(long revisionId, WikiActor actor, bool lastAttempt, CancellationToken cancellationToken)
    {
        var target = await db.FindRevisionAsync(revisionId, cancellationToken).ConfigureAwait(false);
        var page = target is null ? null : await db.WikiPages.SingleAsync(p => p.Id == target.PageId, cancellationToken).ConfigureAwait(false);
        if (target is null || page is null)
        {
            return new WikiSaveResult.Forbidden();
        }

        if (await _gate.CheckAsync(page, page.SpaceKey, actor, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var current = await db.FindRevisionAsync(page.CurrentRevisionId, cancellationToken).ConfigureAwait(false);
        if (string.Equals(target.Text, current?.Text, StringComparison.Ordinal))
        {
            return new WikiSaveResult.NoChange();
        }

        var prepared = _writer.Prepare(target.Text, page.SpaceKey, cancellationToken);
        if (RevisionWriter.OverLimit(prepared) is { } overLimit)
        {
            return overLimit;
        }

        var summary = string.Format(CultureInfo.InvariantCulture, options.Value.RevertSummaryFormat, target.Number, target.AuthorName);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        if (!await IsUnchangedAsync(page.ToTitle(), page, cancellationToken).ConfigureAwait(false))
        {
            return lastAttempt ? new WikiSaveResult.Conflict([], target.Text, current?.Id ?? 0) : throw new StaleReadException();
        }

        var revision = await _writer.AppendAsync(page, current, prepared, summary, false, actor, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new WikiSaveResult.Saved(WikiRevisionInfo.From(revision));
    }

    /// <summary>Inside the transaction: whether the page at <paramref name="title"/> is still <paramref name="read"/> (or still missing).</summary>
    private async Task<bool> IsUnchangedAsync(WikiTitle title, WikiPage? read, CancellationToken cancellationToken)
    {
        var now = await db.WikiPages.AsNoTracking().Where(p => p.SpaceKey == title.Space && p.Title == title.Name)
            .Select(p => new { p.Id, p.ConcurrencyStamp }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return read is null ? now is null : now is not null && now.Id == read.Id && now.ConcurrencyStamp == read.ConcurrencyStamp;
    }

    /// <summary>A conflict over the whole text: the user's lines against the current ones, with no common base.</summary>
    private static WikiSaveResult.Conflict WholeTextConflict(string text, WikiRevision current) =>
        new([new MergeConflict(0, 0, [], 0, WikiText.SplitLines(text), 0, WikiText.SplitLines(current.Text))], text, current.Id);

    private static WikiSaveResult.TooLarge? TooLarge(string text) =>
        WikiText.Utf8Size(text) is var size && size > WikiText.MaxBytes ? new WikiSaveResult.TooLarge(size, WikiText.MaxBytes) : null;
}
