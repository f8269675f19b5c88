using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace GatewayPortal.Search.Documents;

/// <summary>Maps a <see cref="SearchDocument"/> to the Lucene fields of the schema, and back for display.</summary>
internal sealed class DocumentMapper(int maxStoredBodyChars)
{
    public Document ToLucene(SearchDocument source, long indexedAtTicks)
    {
        Validate(source);
        var doc = new Document
        {
            new StringField(SearchFields.Id, source.Id, Field.Store.YES),
            new StringField(SearchFields.Source, source.Source, Field.Store.YES),
            new SortedDocValuesField(SearchFields.Source, new BytesRef(source.Source)),
            new TextField(SearchFields.Title, source.Title, Field.Store.YES),
            new StringField(SearchFields.TitleExact, TextNormalizer.Keyword(source.Title), Field.Store.NO),
            new TextField(SearchFields.Suggest, source.Title, Field.Store.NO),
            new TextField(SearchFields.Headings, string.Join('\n', source.Headings), Field.Store.NO),
            new TextField(SearchFields.Body, source.Body, Field.Store.NO),
            new StoredField(SearchFields.Body, Cap(source.Body)),
            new StoredField(SearchFields.Url, source.Url),
            new Int64Field(SearchFields.IndexedAt, indexedAtTicks, Field.Store.NO),
        };
        AddSite(doc, SiteOf(source));
        AddOptional(doc, SearchFields.Breadcrumb, source.Breadcrumb);
        AddOptional(doc, SearchFields.Language, source.Language);
        if (source.Date is { } date)
        {
            var millis = date.ToUnixTimeMilliseconds();
            doc.Add(new NumericDocValuesField(SearchFields.Date, millis));
            doc.Add(new StoredField(SearchFields.Date, millis));
        }

        foreach (var principal in source.AllowedPrincipals)
        {
            doc.Add(new StringField(SearchFields.Principals, principal, Field.Store.NO));
        }

        return doc;
    }

    private static void Validate(SearchDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Id, nameof(source));
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Source, nameof(source));
        ArgumentNullException.ThrowIfNull(source.AllowedPrincipals);
    }

    private static string? SiteOf(SearchDocument source) =>
        source.Site is { Length: > 0 } site ? site.ToLowerInvariant()
        : Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && !uri.IsFile ? uri.Host.ToLowerInvariant()
        : null;

    private static void AddSite(Document doc, string? site)
    {
        if (site is null)
        {
            return;
        }

        doc.Add(new StoredField(SearchFields.Site, site));
        doc.Add(new SortedDocValuesField(SearchFields.Site, new BytesRef(site)));
        foreach (var suffix in TextNormalizer.HostSuffixes(site))
        {
            doc.Add(new StringField(SearchFields.SiteMatch, suffix, Field.Store.NO));
        }
    }

    private static void AddOptional(Document doc, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            doc.Add(new StoredField(name, value));
        }
    }

    private string Cap(string body) => body.Length <= maxStoredBodyChars ? body : body[..maxStoredBodyChars];
}
