using System.Globalization;
using System.Text.Json;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GatewayPortal.Wiki.Pages;

/// <summary>
/// Brings a page's rows in the links table to a wanted set. The new rows go in one INSERT that reads them from a single JSON
/// parameter (SQLite's json_each, PostgreSQL's json_array_elements). Change-tracked entities, and EF's raw-SQL path per
/// multi-row INSERT, made a page with thousands of links hold the write lock far too long; one statement with two
/// parameters writes them all (figures in bench/RESULTS.md).
/// </summary>
internal static class WikiLinkRows
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static async Task ReplaceAsync(IWikiDbContext db, long pageId, IReadOnlySet<WikiTitle> wanted, CancellationToken cancellationToken)
    {
        var existing = await db.WikiLinks.AsNoTracking().Where(l => l.FromPageId == pageId).Select(l => new { l.ToSpaceKey, l.ToTitle })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var have = existing.Select(l => new WikiTitle(l.ToSpaceKey, l.ToTitle)).ToHashSet();
        var removed = have.Where(t => !wanted.Contains(t)).ToList();
        if (removed.Count == have.Count && removed.Count > 0)
        {
            await db.WikiLinks.Where(l => l.FromPageId == pageId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (var space in removed.GroupBy(t => t.Space, StringComparer.Ordinal))
            {
                var key = space.Key;
                foreach (var names in space.Select(t => t.Name).Chunk(QueryBatches.Size))
                {
                    await db.WikiLinks.Where(l => l.FromPageId == pageId && l.ToSpaceKey == key && names.Contains(l.ToTitle))
                        .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var added = wanted.Where(t => !have.Contains(t)).Select(t => new[] { t.Space, t.Name }).ToList();
        if (added.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(InsertSql(db), [pageId, JsonSerializer.Serialize(added)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One INSERT of every row from a JSON array of [space, title] pairs (parameter 1) for page parameter 0.</summary>
    private static string InsertSql(IWikiDbContext db)
    {
        var entity = db.WikiLinks.EntityType;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(store)!);
        var table = entity.GetSchema() is { } schema ? Quote(schema) + "." + Quote(store.Name) : Quote(store.Name);
        var rows = string.Equals(db.Database.ProviderName, NpgsqlProvider, StringComparison.Ordinal)
            ? "SELECT {0}, e ->> 0, e ->> 1 FROM json_array_elements(CAST({1} AS json)) AS t(e)"
            : "SELECT {0}, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each({1})";
        return string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {table} ({Column(nameof(WikiLink.FromPageId))}, {Column(nameof(WikiLink.ToSpaceKey))}, {Column(nameof(WikiLink.ToTitle))}) {rows}");
    }

    // SQLite and PostgreSQL both quote identifiers with double quotes.
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
