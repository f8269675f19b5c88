using System.Globalization;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Pages;

/// <inheritdoc cref="IWikiPageAdmin"/>
public sealed class WikiPageAdmin(
    IWikiDbContext db,
    IWikiAccessPolicy policy,
    IWikiRenderer renderer,
    TimeProvider time,
    IOptions<WikiOptions> options) : IWikiPageAdmin
{
    private readonly EditGate _gate = new(db, policy);
    private readonly RevisionWriter _writer = new(db, renderer, time);

    /// <inheritdoc/>
    public async Task<WikiAdminResult> MoveAsync(long pageId, string newSpace, string newTitle, bool leaveRedirect, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!WikiTitle.TryParse(newTitle, newSpace, out var target, out _))
        {
            return WikiAdminResult.InvalidTitle;
        }

        // Unlocked: the reads and the Markdown parses; the transaction below only re-checks the page and writes.
        var page = await db.WikiPages.SingleOrDefaultAsync(p => p.Id == pageId, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            return WikiAdminResult.NotFound;
        }

        var refused = await _gate.CheckAsync(page, page.SpaceKey, actor, cancellationToken).ConfigureAwait(false);
        var source = page.ToTitle();
        var outcome = refused switch
        {
            WikiSaveResult.Protected => WikiAdminResult.Protected,
            WikiSaveResult.Deleted => WikiAdminResult.NotFound,
            not null => WikiAdminResult.Forbidden,
            _ when source == target => WikiAdminResult.NoChange,
            _ when await db.FindPageAsync(target, cancellationToken).ConfigureAwait(false) is not null => WikiAdminResult.TargetExists,
            _ => WikiAdminResult.Done,
        };
        if (outcome != WikiAdminResult.Done)
        {
            return outcome;
        }

        var summary = string.Format(CultureInfo.InvariantCulture, options.Value.MoveSummaryFormat, source.FullName, target.FullName);
        var current = await db.FindRevisionAsync(page.CurrentRevisionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A wiki page has no current revision.");
        var moved = _writer.Prepare(current.Text, target.Space, cancellationToken);
        var redirectText = _writer.Prepare("#REDIRECT [[" + target.LinkTarget + "]]", source.Space, cancellationToken);

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var stamp = await db.WikiPages.AsNoTracking().Where(p => p.Id == pageId).Select(p => (Guid?)p.ConcurrencyStamp)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (stamp != page.ConcurrencyStamp || await db.FindPageAsync(target, cancellationToken).ConfigureAwait(false) is not null)
        {
            // Someone edited, moved or took the title meanwhile: the admin looks again.
            return WikiAdminResult.NoChange;
        }

        (page.SpaceKey, page.Title, page.Slug) = (target.Space, target.Name, target.Slug);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await _writer.AppendAsync(page, current, moved, summary, true, actor, cancellationToken).ConfigureAwait(false);
        if (leaveRedirect)
        {
            var redirect = new WikiPage { SpaceKey = source.Space, Title = source.Name, Slug = source.Slug, RedirectToPageId = page.Id };
            await _writer.AppendAsync(redirect, null, redirectText, summary, true, actor, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return WikiAdminResult.Done;
    }

    /// <inheritdoc/>
    public Task<WikiAdminResult> DeleteAsync(long pageId, WikiActor actor, CancellationToken cancellationToken = default) =>
        UpdateAsAdminAsync(pageId, actor, p => p.DeletedAt is null, p => (p.DeletedAt, p.DeletedBy) = (time.GetUtcNow(), actor.Subject), cancellationToken);

    /// <inheritdoc/>
    public Task<WikiAdminResult> RestoreAsync(long pageId, WikiActor actor, CancellationToken cancellationToken = default) =>
        UpdateAsAdminAsync(pageId, actor, p => p.DeletedAt is not null, p => (p.DeletedAt, p.DeletedBy) = (null, null), cancellationToken);

    /// <inheritdoc/>
    public Task<WikiAdminResult> SetProtectedAsync(long pageId, bool isProtected, WikiActor actor, CancellationToken cancellationToken = default) =>
        UpdateAsAdminAsync(pageId, actor, p => p.IsProtected != isProtected, p => p.IsProtected = isProtected, cancellationToken);

    /// <inheritdoc/>
    public async Task<WikiPagePermissions?> GetPermissionsAsync(long pageId, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin || !await db.WikiPages.AnyAsync(p => p.Id == pageId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var rules = await db.WikiPagePermissions.AsNoTracking().Where(r => r.PageId == pageId)
            .OrderBy(r => r.Group).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new WikiPagePermissions(
            [.. rules.Where(r => r.Access == WikiAccessKind.Read).Select(r => r.Group)],
            [.. rules.Where(r => r.Access == WikiAccessKind.Edit).Select(r => r.Group)]);
    }

    /// <inheritdoc/>
    public async Task<WikiAdminResult> SetPermissionsAsync(long pageId, WikiPagePermissions permissions, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return WikiAdminResult.Forbidden;
        }

        if (Normalise(permissions.ReadGroups) is not { } read || Normalise(permissions.EditGroups) is not { } edit)
        {
            return WikiAdminResult.InvalidGroups;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var page = await db.WikiPages.SingleOrDefaultAsync(p => p.Id == pageId, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            return WikiAdminResult.NotFound;
        }

        db.WikiPagePermissions.RemoveRange(await db.WikiPagePermissions.Where(r => r.PageId == pageId).ToListAsync(cancellationToken).ConfigureAwait(false));
        db.WikiPagePermissions.AddRange(read.Select(g => new WikiPagePermission { PageId = pageId, Group = g, Access = WikiAccessKind.Read }));
        db.WikiPagePermissions.AddRange(edit.Select(g => new WikiPagePermission { PageId = pageId, Group = g, Access = WikiAccessKind.Edit }));
        page.UpdatedAt = time.GetUtcNow();
        page.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return WikiAdminResult.Done;
    }

    private static List<string>? Normalise(IReadOnlyList<string> groups)
    {
        var names = groups.Select(g => g?.Trim() ?? string.Empty).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return names.Count <= WikiPagePermissions.MaxGroups && names.All(n => n.Length is > 0 and <= WikiModelBuilderExtensions.MaxGroupLength)
            ? names
            : null;
    }

    private async Task<WikiAdminResult> UpdateAsAdminAsync(long pageId, WikiActor actor, Func<WikiPage, bool> applies, Action<WikiPage> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return WikiAdminResult.Forbidden;
        }

        var page = await db.WikiPages.SingleOrDefaultAsync(p => p.Id == pageId, cancellationToken).ConfigureAwait(false);
        if (page is null || !applies(page))
        {
            return page is null ? WikiAdminResult.NotFound : WikiAdminResult.NoChange;
        }

        update(page);
        page.UpdatedAt = time.GetUtcNow();
        page.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return WikiAdminResult.Done;
    }
}
