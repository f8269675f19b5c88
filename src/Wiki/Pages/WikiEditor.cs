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
        return TooLarge(text) ?? OverLimit(text, title, cancellationToken) ?? await SaveRetry.RunAsync(db, () => SaveOnceAsync(title, text, request, actor, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<WikiSaveResult> RevertAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await SaveRetry.RunAsync(db, () => RevertOnceAsync(revisionId, actor, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<WikiSaveResult> SaveOnceAsync(WikiTitle title, string text, WikiSaveRequest request, WikiActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
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
            var baseText = await BaseTextAsync(request.BaseRevisionId, current.PageId, cancellationToken).ConfigureAwait(false);
            var merge = merger.Merge(baseText, text, current.Text, cancellationToken);
            if (!merge.IsClean)
            {
                return new WikiSaveResult.Conflict(merge.Conflicts, text, current.Id);
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

        page ??= new WikiPage { SpaceKey = title.Space, Title = title.Name, Slug = title.Slug };
        // An edited redirect page becomes an ordinary page.
        page.RedirectToPageId = null;
        var revision = await _writer.AppendAsync(page, current, text, summary, request.IsMinor, actor, cancellationToken).ConfigureAwait(false);
        await db.WikiDrafts.Where(d => d.UserSubject == actor.Subject && d.SpaceKey == title.Space && d.Title == title.Name)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var info = WikiRevisionInfo.From(revision);
        return merged ? new WikiSaveResult.Merged(info) : new WikiSaveResult.Saved(info);
    }

    private async Task<WikiSaveResult> RevertOnceAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
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

        var summary = string.Format(CultureInfo.InvariantCulture, options.Value.RevertSummaryFormat, target.Id, target.AuthorName);
        var revision = await _writer.AppendAsync(page, current, target.Text, summary, false, actor, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new WikiSaveResult.Saved(WikiRevisionInfo.From(revision));
    }

    private async Task<string> BaseTextAsync(long? baseRevisionId, long pageId, CancellationToken cancellationToken)
    {
        var baseRevision = await db.FindRevisionAsync(baseRevisionId, cancellationToken).ConfigureAwait(false);
        return baseRevision?.PageId == pageId ? baseRevision.Text : string.Empty;
    }

    private WikiSaveResult.OverLimit? OverLimit(string text, WikiTitle title, CancellationToken cancellationToken) =>
        renderer.Validate(text, title.Space, cancellationToken) is { } violation ? new WikiSaveResult.OverLimit(violation) : null;

    private static WikiSaveResult.TooLarge? TooLarge(string text) =>
        WikiText.Utf8Size(text) is var size && size > WikiText.MaxBytes ? new WikiSaveResult.TooLarge(size, WikiText.MaxBytes) : null;
}
