using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling.Scheduling;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Crawling.Sites;

/// <summary>Outcome of saving a site: the saved site, or the problems to show next to the fields.</summary>
public sealed record CrawlSiteSaveResult(CrawlSiteDefinition? Site, IReadOnlyList<CrawlSiteFieldError> Errors)
{
    /// <summary>True when the site was saved.</summary>
    public bool Succeeded => Site is not null;
}

/// <summary>
/// What the admin page does to sites added there (configured sites are read-only): add, edit, enable or disable,
/// delete (its documents leave every node's index) and ask for a crawl now.
/// </summary>
public sealed partial class CrawlSiteAdmin(
    ISearchDbContextFactory contexts,
    CrawlSiteCatalog catalog,
    CrawlStatusStore status,
    CrawlScheduler scheduler,
    CrawlSitePurger purger,
    ISearchIndex index,
    ISearchChangeFeed changes,
    ICrawlGroupDirectory groups,
    TimeProvider time,
    ILogger<CrawlSiteAdmin> logger)
{
    private const int BatchSize = 200;

    /// <summary>Validates and adds a site; its key is the start URL's host and port (made unique).</summary>
    public Task<CrawlSiteSaveResult> CreateAsync(CrawlSiteForm form, string actor, CancellationToken cancellationToken) =>
        SaveAsync(null, form, actor, cancellationToken);

    /// <summary>Validates and changes a site added on the admin page; null when there is no such site.</summary>
    public async Task<CrawlSiteSaveResult?> UpdateAsync(int id, CrawlSiteForm form, string actor, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return null;
        }

        return await SaveAsync(current, form, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A site added on the admin page, or null.</summary>
    public async Task<CrawlSiteDefinition?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var row = await FindEditableAsync(db.CrawlSites.AsNoTracking(), id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : CrawlSiteDefinition.FromRow(row);
    }

    /// <summary>Turns crawling of a site added on the admin page on or off; false when there is no such site.</summary>
    public async Task<bool> SetEnabledAsync(int id, bool enabled, string actor, CancellationToken cancellationToken)
    {
        string key;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await FindEditableAsync(db.CrawlSites, id, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return false;
            }

            row.Enabled = enabled;
            row.UpdatedUtc = time.GetUtcNow().UtcDateTime;
            row.UpdatedBy = actor;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            key = row.Key;
        }

        LogEnabled(logger, actor, key, enabled);
        if (!enabled)
        {
            scheduler.Stop(key);
        }

        return true;
    }

    /// <summary>
    /// Deletes a site added on the admin page with its crawl state and status; its documents leave this node's index at
    /// once and other nodes' through the change feed. False when there is no such site.
    /// </summary>
    public async Task<bool> DeleteAsync(int id, string actor, CancellationToken cancellationToken)
    {
        string key;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await FindEditableAsync(db.CrawlSites, id, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return false;
            }

            key = row.Key;
            db.CrawlSites.Remove(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        // A crawl running on another node notices within its status interval and purges what it wrote meanwhile.
        scheduler.Stop(key);
        var documents = await purger.PurgeSiteAsync(key, cancellationToken).ConfigureAwait(false);
        LogDeleted(logger, actor, key, documents);
        return true;
    }

    /// <summary>Asks the crawling node to crawl an enabled site now; false when it is unknown, disabled or already running.</summary>
    public async Task<bool> RequestCrawlAsync(string key, string actor, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(key, cancellationToken).ConfigureAwait(false) is not { Enabled: true } site
            || !await status.RequestAsync(site.Key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        LogRequested(logger, actor, key);
        scheduler.Wake();
        return true;
    }

    private async Task<CrawlSiteSaveResult> SaveAsync(CrawlSiteDefinition? current, CrawlSiteForm form, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<CrawlSiteFieldError>();
        var built = form.TryBuild(current?.Key, current?.Id, errors);
        var sites = await catalog.ListAsync(cancellationToken).ConfigureAwait(false);
        if (built is not null && sites.FirstOrDefault(s => s.Key != built.Key && s.StartUrl == built.StartUrl) is { } other)
        {
            errors.Add(new(nameof(CrawlSiteForm.StartUrl), "CrawlErrDuplicateSite", other.Name));
        }

        if (built is not null && form.Visibility == CrawlSiteForm.Groups)
        {
            await CheckGroupsAsync(form.GroupNames(), errors, cancellationToken).ConfigureAwait(false);
        }

        if (built is null || errors.Count > 0)
        {
            return new CrawlSiteSaveResult(null, errors);
        }

        var site = current is null ? built with { Key = UniqueKey(built.Key, sites) } : built;
        site = await StoreAsync(site, actor, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            await ApplyChangesAsync(current, site, cancellationToken).ConfigureAwait(false);
            if (!site.Enabled)
            {
                scheduler.Stop(site.Key);
            }
        }

        LogSaved(logger, actor, site.Key, current is null ? "added" : "changed");
        return new CrawlSiteSaveResult(site, []);
    }

    // Every group must exist in the directory, so a typo cannot hide the pages from everyone (as on the wiki's permissions).
    private async Task CheckGroupsAsync(IReadOnlyList<string> names, List<CrawlSiteFieldError> errors, CancellationToken cancellationToken)
    {
        var unknown = await groups.FindUnknownAsync(names, cancellationToken).ConfigureAwait(false);
        if (unknown is null)
        {
            errors.Add(new(nameof(CrawlSiteForm.AllowedGroups), "CrawlErrDirectoryUnavailable"));
        }
        else if (unknown.Count > 0)
        {
            errors.Add(new(nameof(CrawlSiteForm.AllowedGroups), "CrawlErrUnknownGroups", string.Join(", ", unknown)));
        }
    }

    private static string UniqueKey(string key, IReadOnlyList<CrawlSiteDefinition> sites)
    {
        var stem = key.Length > SearchModelBuilderExtensions.MaxSiteKeyLength - 6 ? key[..(SearchModelBuilderExtensions.MaxSiteKeyLength - 6)] : key;
        var candidate = stem;
        for (var n = 2; sites.Any(s => s.Key == candidate); n++)
        {
            candidate = stem + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private async Task<CrawlSiteDefinition> StoreAsync(CrawlSiteDefinition site, string actor, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        var row = site.Id is { } id ? await db.CrawlSites.FirstAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false) : null;
        if (row is null)
        {
            row = new CrawlSiteRow { Key = site.Key, CreatedUtc = now, MaxPageBytes = site.MaxPageBytes };
            db.CrawlSites.Add(row);
        }

        row.Name = site.Name;
        row.StartUrl = site.StartUrl.AbsoluteUri;
        row.AllowedHosts = string.Join(' ', site.AllowedHosts);
        row.AllowedPrincipals = CrawlSiteDefinition.JoinPrincipals(site.AllowedPrincipals);
        row.MaxPages = site.MaxPages;
        row.MaxDepth = site.MaxDepth;
        row.PolitenessDelayMs = (int)site.PolitenessDelay.TotalMilliseconds;
        row.MaxConcurrencyPerHost = site.MaxConcurrencyPerHost;
        row.IntervalMinutes = (int)site.Interval.TotalMinutes;
        row.Enabled = site.Enabled;
        row.UpdatedUtc = now;
        row.UpdatedBy = actor;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return site with { Id = row.Id };
    }

    // An edit that narrows the hosts drops the pages now outside them; one that changes who may see the pages
    // re-indexes the stored documents with the new principals (a recrawl would find them unchanged).
    private async Task ApplyChangesAsync(CrawlSiteDefinition before, CrawlSiteDefinition after, CancellationToken cancellationToken)
    {
        var crawlSite = after.ToCrawlSite(1);
        var principalsChanged = !before.AllowedPrincipals.Order(StringComparer.Ordinal).SequenceEqual(after.AllowedPrincipals.Order(StringComparer.Ordinal));
        var afterId = 0L;
        var removed = new List<string>();
        while (true)
        {
            List<CrawlPageRow> rows;
            var upserts = new List<SearchDocument>();
            var batchRemoved = new List<string>();
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                rows = await db.CrawlPages.Where(p => p.Site == after.Key && p.Id > afterId).OrderBy(p => p.Id).Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    if (!Uri.TryCreate(row.Url, UriKind.Absolute, out var url) || !crawlSite.IsAllowedHost(url))
                    {
                        db.CrawlPages.Remove(row);
                        if (row.DocumentId is { } gone)
                        {
                            batchRemoved.Add(gone);
                        }
                    }
                    else if (principalsChanged && row.DocumentJson is { } json)
                    {
                        var document = CrawledDocumentJson.Deserialize(json) with { AllowedPrincipals = after.AllowedPrincipals };
                        row.DocumentJson = CrawledDocumentJson.Serialize(document);
                        upserts.Add(document);
                    }
                }

                // Feed entries commit with the rows (an outbox).
                foreach (var document in upserts)
                {
                    changes.Add(db, SearchSources.Web, document.Id, SearchChangeKind.Upsert);
                }

                purger.AddDeletes(db, batchRemoved);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            removed.AddRange(batchRemoved);
            if (upserts.Count > 0)
            {
                index.Upsert(upserts);
            }

            if (rows.Count < BatchSize)
            {
                break;
            }

            afterId = rows[^1].Id;
        }

        if (removed.Count > 0)
        {
            // The resume checkpoint may name pages outside the new hosts: start the next crawl afresh.
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                await db.CrawlCheckpoints.Where(c => c.Site == after.Key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            purger.RemoveFromIndex(removed);
        }
    }

    /// <summary>The site added on the admin page with this id; null when there is none or the id is a configured site's.</summary>
    private async Task<CrawlSiteRow?> FindEditableAsync(IQueryable<CrawlSiteRow> sites, int id, CancellationToken cancellationToken)
    {
        var row = await sites.FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null || catalog.Configured.Any(c => c.Key == row.Key) ? null : row;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl site {Site} {Action} by {Administrator}")]
    private static partial void LogSaved(ILogger logger, string administrator, string site, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl site {Site} enabled={Enabled} by {Administrator}")]
    private static partial void LogEnabled(ILogger logger, string administrator, string site, bool enabled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl site {Site} deleted by {Administrator}; {Documents} documents removed from search")]
    private static partial void LogDeleted(ILogger logger, string administrator, string site, int documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl of {Site} requested by {Administrator}")]
    private static partial void LogRequested(ILogger logger, string administrator, string site);
}
