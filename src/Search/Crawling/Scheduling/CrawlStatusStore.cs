using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Search.Crawling.Scheduling;

/// <summary>Each site's crawl state and progress in <c>crawl_site_status</c>, so every node's admin page shows it.</summary>
public sealed class CrawlStatusStore(ISearchDbContextFactory contexts, TimeProvider time)
{
    private const int MaxErrorLength = 2000;

    /// <summary>Every site's row by key.</summary>
    public async Task<IReadOnlyDictionary<string, CrawlSiteStatusRow>> GetAllAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var rows = await db.CrawlSiteStatus.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Site, StringComparer.Ordinal);
    }

    /// <summary>One site's row, or null before its first crawl.</summary>
    public async Task<CrawlSiteStatusRow?> GetAsync(string site, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.CrawlSiteStatus.AsNoTracking().FirstOrDefaultAsync(r => r.Site == site, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks for a crawl of the site as soon as the crawling node looks; false when one is running already.</summary>
    public Task<bool> RequestAsync(string site, CancellationToken cancellationToken) => UpdateAsync(site, row =>
    {
        if (row.State == CrawlState.Running)
        {
            return false;
        }

        row.State = CrawlState.Requested;
        return true;
    }, cancellationToken);

    /// <summary>A crawl starts (or resumes) on <paramref name="node"/>; the counters restart unless it resumes.</summary>
    public Task StartedAsync(string site, string node, bool resuming, CancellationToken cancellationToken) => UpdateAsync(site, row =>
    {
        if (!resuming || row.StartedUtc is null)
        {
            row.StartedUtc = time.GetUtcNow().UtcDateTime;
            Set(row, new CrawlProgress(site, 0, 0, 0, 0, 0, 0, 0));
        }

        row.State = CrawlState.Running;
        row.Node = node;
        row.LastError = null;
        return true;
    }, cancellationToken);

    /// <summary>The running crawl's latest counters.</summary>
    public Task ProgressAsync(string site, CrawlProgress progress, CancellationToken cancellationToken) => UpdateAsync(site, row =>
    {
        Set(row, progress);
        return true;
    }, cancellationToken);

    /// <summary>The crawl ended in <paramref name="state"/> (<see cref="CrawlState.Finished"/>, <see cref="CrawlState.Failed"/> or <see cref="CrawlState.Cancelled"/>).</summary>
    public Task EndedAsync(string site, CrawlState state, CrawlProgress? progress, string? error, CancellationToken cancellationToken) =>
        UpdateAsync(site, row =>
        {
            row.State = state;
            if (progress is not null)
            {
                Set(row, progress);
            }

            if (state != CrawlState.Cancelled)
            {
                row.FinishedUtc = time.GetUtcNow().UtcDateTime;
            }

            row.LastError = error is null ? null : error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
            return true;
        }, cancellationToken);

    /// <summary>Forgets the site's status (the site was deleted).</summary>
    public async Task DeleteAsync(string site, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        await db.CrawlSiteStatus.Where(r => r.Site == site).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Set(CrawlSiteStatusRow row, CrawlProgress progress)
    {
        row.Fetched = progress.Fetched;
        row.Indexed = progress.Indexed;
        row.Unchanged = progress.Unchanged;
        row.Removed = progress.Removed;
        row.Skipped = progress.Skipped;
        row.Failed = progress.Errors;
        row.Queued = progress.QueueLength;
    }

    // Creates the row when missing; a node that lost the race to create it updates the winner's row.
    private async Task<bool> UpdateAsync(string site, Func<CrawlSiteStatusRow, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var dbDisposal = db.ConfigureAwait(false);
            var row = await db.CrawlSiteStatus.FirstOrDefaultAsync(r => r.Site == site, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new CrawlSiteStatusRow { Site = site };
                db.CrawlSiteStatus.Add(row);
            }

            if (!change(row))
            {
                return false;
            }

            row.UpdatedUtc = time.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another node inserted the row first: read it and apply the change again.
            }
        }
    }
}
