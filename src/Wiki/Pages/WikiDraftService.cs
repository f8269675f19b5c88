using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Text;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Pages;

/// <inheritdoc cref="IWikiDraftService"/>
public sealed class WikiDraftService(IWikiDbContext db, TimeProvider time) : IWikiDraftService
{
    /// <inheritdoc/>
    public async Task<bool> SaveDraftAsync(string space, string title, string text, long? baseRevisionId, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!WikiTitle.TryParse(title, space, out var parsed, out _) || WikiText.Utf8Size(text) > WikiText.MaxBytes)
        {
            return false;
        }

        var draft = await FindAsync(parsed, actor, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            draft = new WikiDraft { SpaceKey = parsed.Space, Title = parsed.Name, UserSubject = actor.Subject, Text = text };
            db.WikiDrafts.Add(draft);
        }

        draft.PageId = await db.WikiPages.Where(p => p.SpaceKey == parsed.Space && p.Title == parsed.Name).Select(p => (long?)p.Id)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        (draft.Text, draft.BaseRevisionId, draft.UpdatedAt) = (text, baseRevisionId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public async Task<WikiDraftView?> GetDraftAsync(string space, string title, WikiActor actor, CancellationToken cancellationToken = default)
    {
        if (!WikiTitle.TryParse(title, space, out var parsed, out _)
            || await FindAsync(parsed, actor, cancellationToken).ConfigureAwait(false) is not { } draft)
        {
            return null;
        }

        return new WikiDraftView(parsed, draft.Text, draft.BaseRevisionId, draft.UpdatedAt);
    }

    /// <inheritdoc/>
    public async Task DeleteDraftAsync(string space, string title, WikiActor actor, CancellationToken cancellationToken = default)
    {
        if (WikiTitle.TryParse(title, space, out var parsed, out _) && await FindAsync(parsed, actor, cancellationToken).ConfigureAwait(false) is { } draft)
        {
            db.WikiDrafts.Remove(draft);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<WikiDraft?> FindAsync(WikiTitle title, WikiActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return db.WikiDrafts.SingleOrDefaultAsync(d => d.UserSubject == actor.Subject && d.SpaceKey == title.Space && d.Title == title.Name, cancellationToken);
    }
}
