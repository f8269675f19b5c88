using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Text;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Pages;

/// <summary>Appends a revision to a page and brings the page row and its link rows up to date. The caller owns the transaction.</summary>
internal sealed class RevisionWriter(IWikiDbContext db, IWikiRenderer renderer, TimeProvider time)
{
    /// <summary>Writes <paramref name="text"/> (already normalised) as the page's new current revision; inserts the page if new.</summary>
    public async Task<WikiRevision> AppendAsync(WikiPage page, WikiRevision? current, string text, string summary, bool isMinor, WikiActor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (page.Id == 0)
        {
            page.CreatedAt = now;
            db.WikiPages.Add(page);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var size = WikiText.Utf8Size(text);
        var revision = new WikiRevision
        {
            PageId = page.Id,
            ParentRevisionId = current?.Id,
            Text = text,
            AuthorSubject = actor.Subject,
            AuthorName = actor.DisplayName,
            CreatedAt = now,
            Summary = summary.Length > WikiModelBuilderExtensions.MaxSummaryLength ? summary[..WikiModelBuilderExtensions.MaxSummaryLength] : summary,
            IsMinor = isMinor,
            Size = size,
            SizeDelta = size - (current?.Size ?? 0),
            ContentHash = WikiText.Hash(text),
        };
        db.WikiRevisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        page.CurrentRevisionId = revision.Id;
        page.UpdatedAt = now;
        page.ConcurrencyStamp = Guid.NewGuid();
        await ReplaceLinksAsync(page, text, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return revision;
    }

    private async Task ReplaceLinksAsync(WikiPage page, string text, CancellationToken cancellationToken)
    {
        var wanted = renderer.ExtractLinks(text, page.SpaceKey, cancellationToken);
        var existing = await db.WikiLinks.Where(l => l.FromPageId == page.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var have = new HashSet<WikiTitle>();
        foreach (var link in existing)
        {
            var target = new WikiTitle(link.ToSpaceKey, link.ToTitle);
            if (wanted.Contains(target))
            {
                have.Add(target);
            }
            else
            {
                db.WikiLinks.Remove(link);
            }
        }

        db.WikiLinks.AddRange(wanted.Where(t => !have.Contains(t))
            .Select(t => new WikiLink { FromPageId = page.Id, ToSpaceKey = t.Space, ToTitle = t.Name }));
    }
}
