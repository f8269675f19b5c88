using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Search.Crawling.Storage;

/// <summary>
/// Crawl state in the portal database, shared by every node: per-URL validators, hashes and extracted documents, and the
/// checkpoint of an unfinished crawl (so a restarted or another node resumes it). Every change to the set of crawled
/// documents is written to the search change feed in the same transaction, so other nodes read the stored document.
/// </summary>
public sealed class DbCrawlStateStore(ISearchDbContextFactory contexts, ISearchChangeFeed changes, TimeProvider time) : ICrawlStateStore
{
    /// <summary>The row key of a URL: SHA-256 (hex) of the URL.</summary>
    public static string UrlHash(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));
    }

    /// <inheritdoc/>
    public async ValueTask<CrawledPage?> GetPageAsync(string site, string url, CancellationToken cancellationToken)
    {
        var hash = UrlHash(url);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var row = await db.CrawlPages.AsNoTracking()
            .Where(p => p.Site == site && p.UrlHash == hash)
            .Select(p => new { p.Url, p.DocumentId, p.ETag, p.LastModified, p.ContentHash, p.Depth })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : new CrawledPage(row.Url, row.DocumentId, row.ETag, row.LastModified, row.ContentHash, row.Depth);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<CrawledPage>> GetPagesAsync(string site, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var rows = await db.CrawlPages.AsNoTracking()
            .Where(p => p.Site == site)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Url, p.DocumentId, p.ETag, p.LastModified, p.ContentHash, p.Depth })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new CrawledPage(r.Url, r.DocumentId, r.ETag, r.LastModified, r.ContentHash, r.Depth))];
    }

    /// <inheritdoc/>
    public async ValueTask<string?> FindIndexedUrlByHashAsync(string site, string contentHash, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var urls = await db.CrawlPages.AsNoTracking()
            .Where(p => p.Site == site && p.ContentHash == contentHash && p.DocumentId != null)
            .Select(p => p.Url)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return urls.Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A page with a <see cref="CrawledPage.Document"/> stores it and publishes an upsert; one without keeps the stored
    /// document while its id stays the same. A document id the page gave up is published as a delete unless another row holds it.
    /// </remarks>
    public async ValueTask SavePageAsync(string site, CrawledPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var hash = UrlHash(page.Url);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var row = await db.CrawlPages.FirstOrDefaultAsync(p => p.Site == site && p.UrlHash == hash, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new CrawlPageRow { Site = site, Url = page.Url, UrlHash = hash };
            db.CrawlPages.Add(row);
        }

        var dropped = row.DocumentId is { } old && old != page.DocumentId ? old : null;
        row.DocumentJson = page.DocumentId is null ? null
            : page.Document is { } document ? CrawledDocumentJson.Serialize(document)
            : row.DocumentId == page.DocumentId ? row.DocumentJson
            : null;
        row.DocumentId = page.DocumentId;
        row.ETag = page.ETag;
        row.LastModified = page.LastModified;
        row.ContentHash = page.ContentHash;
        row.Depth = page.Depth;
        row.UpdatedUtc = time.GetUtcNow().UtcDateTime;

        // The feed rows commit with the page (an outbox): another node reads the stored document. A dropped id is
        // deleted only when no other row holds it (this row, still unsaved, no longer does; a new row never drops one).
        if (page is { DocumentId: { } id, Document: not null })
        {
            changes.Add(db, SearchSources.Web, id, SearchChangeKind.Upsert);
        }

        var rowId = row.Id;
        if (dropped is not null
            && !await db.CrawlPages.AnyAsync(p => p.DocumentId == dropped && p.Id != rowId, cancellationToken).ConfigureAwait(false))
        {
            changes.Add(db, SearchSources.Web, dropped, SearchChangeKind.Delete);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask RemovePageAsync(string site, string url, CancellationToken cancellationToken)
    {
        var hash = UrlHash(url);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var row = await db.CrawlPages.FirstOrDefaultAsync(p => p.Site == site && p.UrlHash == hash, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return;
        }

        db.CrawlPages.Remove(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (row.DocumentId is { } dropped && !await db.CrawlPages.AnyAsync(p => p.DocumentId == dropped, cancellationToken).ConfigureAwait(false))
        {
            changes.Add(db, SearchSources.Web, dropped, SearchChangeKind.Delete);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<CrawlCheckpoint?> GetCheckpointAsync(string site, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var json = await db.CrawlCheckpoints.AsNoTracking().Where(c => c.Site == site).Select(c => c.Json)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return json is null ? null : CrawlCheckpointJson.Deserialize(json);
    }

    /// <inheritdoc/>
    public async ValueTask SaveCheckpointAsync(string site, CrawlCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var row = await db.CrawlCheckpoints.FirstOrDefaultAsync(c => c.Site == site, cancellationToken).ConfigureAwait(false);
        if (checkpoint is null)
        {
            if (row is not null)
            {
                db.CrawlCheckpoints.Remove(row);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (row is null)
        {
            row = new CrawlCheckpointRow { Site = site };
            db.CrawlCheckpoints.Add(row);
        }

        row.Json = CrawlCheckpointJson.Serialize(checkpoint);
        row.SavedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The JSON form of a <see cref="CrawlCheckpoint"/>; an unreadable one counts as none (the crawl starts over).</summary>
internal static class CrawlCheckpointJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(CrawlCheckpoint checkpoint) => JsonSerializer.Serialize(checkpoint, Options);

    public static CrawlCheckpoint? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CrawlCheckpoint>(json, Options) is { Pending: not null, Visited: not null, Counts: not null } checkpoint
                ? checkpoint
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
