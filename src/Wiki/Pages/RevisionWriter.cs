using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Text;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Pages;

/// <summary>
/// Appends a revision to a page and brings the page row and its link rows up to date. <see cref="Prepare"/> does the CPU work
/// (parse for links, hash) and runs before the caller's write transaction; <see cref="AppendAsync"/> only writes.
/// </summary>
internal sealed class RevisionWriter(IWikiDbContext db, IWikiRenderer renderer, TimeProvider time)
{
    /// <summary>
    /// Derives size, hash and link targets of <paramref name="text"/> (already normalised) as written in <paramref name="space"/>, and
    /// the first content limit it exceeds. A stored text over a limit (saved before the limits existed) still moves: it shows as
    /// source and so has no links.
    /// </summary>
    public PreparedRevision Prepare(string text, string space, CancellationToken cancellationToken)
    {
        var scan = renderer.Scan(text, space, cancellationToken);
        return new(text, WikiText.Utf8Size(text), WikiText.Hash(text), scan.Links, scan.Violation);
    }

    /// <summary>The refusal for a prepared text over a save-time limit, or null.</summary>
    public static WikiSaveResult? OverLimit(PreparedRevision prepared) => prepared switch
    {
        { Violation: { } violation } => new WikiSaveResult.OverLimit(violation),
        { Links.Count: > WikiLinkLimits.MaxLinksPerPage } => new WikiSaveResult.TooManyLinks(prepared.Links.Count, WikiLinkLimits.MaxLinksPerPage),
        _ => null,
    };

    /// <summary>Writes <paramref name="prepared"/> as the page's new current revision; inserts the page if new. The caller owns the transaction.</summary>
    public async Task<WikiRevision> AppendAsync(WikiPage page, WikiRevision? current, PreparedRevision prepared, string summary, bool isMinor, WikiActor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (page.Id == 0)
        {
            page.CreatedAt = now;
            db.WikiPages.Add(page);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        // Inside the caller's transaction: the next version number of this page (the unique index turns a lost race into a retry).
        var last = await db.WikiRevisions.Where(r => r.PageId == page.Id).MaxAsync(r => (int?)r.Number, cancellationToken).ConfigureAwait(false);
        var revision = new WikiRevision
        {
            PageId = page.Id,
            Number = (last ?? 0) + 1,
            ParentRevisionId = current?.Id,
            Text = prepared.Text,
            AuthorSubject = actor.Subject,
            AuthorName = actor.DisplayName,
            CreatedAt = now,
            Summary = summary.Length > WikiModelBuilderExtensions.MaxSummaryLength ? summary[..WikiModelBuilderExtensions.MaxSummaryLength] : summary,
            IsMinor = isMinor,
            Size = prepared.Size,
            SizeDelta = prepared.Size - (current?.Size ?? 0),
            ContentHash = prepared.ContentHash,
        };
        db.WikiRevisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        page.CurrentRevisionId = revision.Id;
        page.UpdatedAt = now;
        page.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await WikiLinkRows.ReplaceAsync(db, page.Id, prepared.Links, cancellationToken).ConfigureAwait(false);
        return revision;
    }
}
