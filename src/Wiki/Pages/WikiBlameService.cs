using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Blame;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Text;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Pages;

/// <summary>
/// <see cref="IWikiBlameService"/>: a cached state answers at once; a revision whose parent (or, for a revert, whose identical
/// earlier revision) is cached costs one diff; otherwise the page's chain is computed cold and every state is cached.
/// All three paths give the same answer as <see cref="BlameEngine.ComputeChain"/>.
/// </summary>
public sealed class WikiBlameService(IWikiDbContext db, IWikiAccessPolicy policy) : IWikiBlameService
{
    private readonly WikiReader _reader = new(db, policy);

    /// <inheritdoc/>
    public async Task<WikiBlame?> GetBlameAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default)
    {
        if (await _reader.GetRevisionAsync(revisionId, actor, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return null;
        }

        var revision = await db.WikiRevisions.AsNoTracking().SingleAsync(r => r.Id == revisionId, cancellationToken).ConfigureAwait(false);
        var state = await StateAsync(revision, cancellationToken).ConfigureAwait(false);
        var lines = WikiText.SplitLines(revision.Text).Select((text, i) => new BlameLine(i + 1, text, state.Origins[i])).ToList();
        var origins = (await QueryBatches.ToListAsync(state.Origins, ids => db.WikiRevisions.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(WikiRevisionInfo.Projection), cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Id);
        return new WikiBlame(view.Revision, lines, origins);
    }

    private async Task<BlameState> StateAsync(WikiRevision revision, CancellationToken cancellationToken)
    {
        if (await CachedAsync(revision.Id, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        var firstIdentical = await db.WikiRevisions.AsNoTracking()
            .Where(r => r.PageId == revision.PageId && r.ContentHash == revision.ContentHash && r.Id < revision.Id)
            .MinAsync(r => (long?)r.Id, cancellationToken).ConfigureAwait(false);
        var state = firstIdentical is { } identicalId
            ? await CachedAsync(identicalId, cancellationToken).ConfigureAwait(false)
            : await FromParentAsync(revision, cancellationToken).ConfigureAwait(false);
        if (state is not null)
        {
            db.WikiBlameCache.Add(new WikiBlameCache { RevisionId = revision.Id, State = state.Serialize() });
            await SaveCacheAsync(cancellationToken).ConfigureAwait(false);
            return state;
        }

        return await ColdAsync(revision, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BlameState?> FromParentAsync(WikiRevision revision, CancellationToken cancellationToken)
    {
        if (revision.ParentRevisionId is not { } parentId)
        {
            return BlameEngine.Advance(BlameState.Empty, string.Empty, new BlameRevision(revision.Id, revision.Text), cancellationToken);
        }

        if (await CachedAsync(parentId, cancellationToken).ConfigureAwait(false) is not { } parentState)
        {
            return null;
        }

        var parentText = await db.WikiRevisions.AsNoTracking().Where(r => r.Id == parentId).Select(r => r.Text)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        return BlameEngine.Advance(parentState, parentText, new BlameRevision(revision.Id, revision.Text), cancellationToken);
    }

    private async Task<BlameState> ColdAsync(WikiRevision revision, CancellationToken cancellationToken)
    {
        var chain = await db.WikiRevisions.AsNoTracking()
            .Where(r => r.PageId == revision.PageId && r.Id <= revision.Id)
            .OrderBy(r => r.Id)
            .Select(r => new BlameRevision(r.Id, r.Text))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var states = BlameEngine.ComputeChain(chain, cancellationToken);
        var alreadyCached = (await QueryBatches.ToListAsync(chain.Select(r => r.Id), ids => db.WikiBlameCache.AsNoTracking()
            .Where(c => ids.Contains(c.RevisionId)).Select(c => c.RevisionId), cancellationToken).ConfigureAwait(false)).ToHashSet();
        db.WikiBlameCache.AddRange(chain.Select((r, i) => (r.Id, State: states[i]))
            .Where(x => !alreadyCached.Contains(x.Id))
            .Select(x => new WikiBlameCache { RevisionId = x.Id, State = x.State.Serialize() }));
        await SaveCacheAsync(cancellationToken).ConfigureAwait(false);
        return states[^1];
    }

    private async Task<BlameState?> CachedAsync(long revisionId, CancellationToken cancellationToken)
    {
        var data = await db.WikiBlameCache.AsNoTracking().Where(c => c.RevisionId == revisionId).Select(c => c.State)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return data is null ? null : BlameState.Deserialize(data);
    }

    private async Task SaveCacheAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A concurrent request cached the same revision first; the cache is only an optimisation.
            db.ChangeTracker.Clear();
        }
    }
}
