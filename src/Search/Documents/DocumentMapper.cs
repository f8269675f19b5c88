using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GatewayPortal.Search.Documents;

/// <summary>Maps a <see cref="SearchDocument"/> to the Lucene fields of the schema, and back for display.</summary>
internal sealed class DocumentMapper(int maxStoredBodyChars)
{
    // Lucene's advice for fast indexing is to reuse field instances: a new keyword field builds a new token stream
    // (attribute maps, behind a lock shared by every thread) each time it is indexed. Each thread keeps one set.
    [ThreadStatic]
    private static ReusableFields? t_fields;

    /// <summary>
    /// The document's fields, in instances this thread reuses: index the result before the thread maps the next
    /// document.
    /// </summary>
    public IEnumerable<IIndexableField> ToLucene(SearchDocument source, long indexedAtTicks)
    {
        Validate(source);
        var fields = t_fields ??= new ReusableFields();
        var document = fields.Fill(source, Cap(source.Body), SiteOf(source), indexedAtTicks);
        AddTranslations(document, source);
        return document;
    }

    /// <summary>
    /// Each translation's title is indexed with the headings and its body with the body (so either language finds the
    /// item), and both are stored under the language's own names for display. Few documents have any, so the fields are new.
    /// </summary>
    private void AddTranslations(List<IIndexableField> document, SearchDocument source)
    {
        foreach (var (language, translation) in source.Translations)
        {
            if (!string.IsNullOrEmpty(translation.Title))
            {
                document.Add(new TextField(SearchFields.Headings, translation.Title, Field.Store.NO));
                document.Add(new StoredField(SearchFields.TitleIn(language), translation.Title));
            }

            if (!string.IsNullOrEmpty(translation.Body))
            {
                document.Add(new TextField(SearchFields.Body, translation.Body, Field.Store.NO));
                document.Add(new StoredField(SearchFields.BodyIn(language), Cap(translation.Body)));
            }

            if (!string.IsNullOrEmpty(translation.Breadcrumb))
            {
                document.Add(new StoredField(SearchFields.BreadcrumbIn(language), translation.Breadcrumb));
            }
        }
    }

    private static void Validate(SearchDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Id, nameof(source));
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Source, nameof(source));
        ArgumentNullException.ThrowIfNull(source.AllowedPrincipals);
        ArgumentNullException.ThrowIfNull(source.Translations);
        foreach (var language in source.Translations.Keys)
        {
            if (!SearchFields.IsLanguageTag(language))
            {
                throw new ArgumentException("A translation's language must be 2 to 8 lower-case letters: " + language, nameof(source));
            }
        }
    }

    private static string? SiteOf(SearchDocument source) =>
        source.Site is { Length: > 0 } site ? site.ToLowerInvariant()
        : Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && !uri.IsFile ? uri.Host.ToLowerInvariant()
        : null;

    private string Cap(string body) => body.Length <= maxStoredBodyChars ? body : body[..maxStoredBodyChars];

    /// <summary>One thread's field instances; <see cref="Fill"/> sets their values and lists the ones a document has.</summary>
    private sealed class ReusableFields
    {
        private readonly List<IIndexableField> _document = new(32);
        private readonly StringField _id = new(SearchFields.Id, "-", Field.Store.YES);
        private readonly StringField _source = new(SearchFields.Source, "-", Field.Store.YES);
        private readonly SortedDocValuesField _sourceColumn = new(SearchFields.Source, new BytesRef());
        private readonly TextField _title = new(SearchFields.Title, string.Empty, Field.Store.YES);
        private readonly StringField _titleExact = new(SearchFields.TitleExact, string.Empty, Field.Store.NO);
        private readonly TextField _suggest = new(SearchFields.Suggest, string.Empty, Field.Store.NO);
        private readonly TextField _headings = new(SearchFields.Headings, string.Empty, Field.Store.NO);
        private readonly TextField _body = new(SearchFields.Body, string.Empty, Field.Store.NO);
        private readonly StoredField _storedBody = new(SearchFields.Body, string.Empty);
        private readonly StoredField _url = new(SearchFields.Url, string.Empty);
        private readonly NumericDocValuesField _indexedAt = new(SearchFields.IndexedAt, 0L);
        private readonly StoredField _site = new(SearchFields.Site, string.Empty);
        private readonly SortedDocValuesField _siteColumn = new(SearchFields.Site, new BytesRef());
        private readonly StoredField _breadcrumb = new(SearchFields.Breadcrumb, string.Empty);
        private readonly StoredField _language = new(SearchFields.Language, string.Empty);
        private readonly NumericDocValuesField _dateColumn = new(SearchFields.Date, 0L);
        private readonly StoredField _date = new(SearchFields.Date, 0L);
        private readonly List<StringField> _siteMatches = [];
        private readonly List<StringField> _principals = [];

        public List<IIndexableField> Fill(SearchDocument source, string storedBody, string? site, long indexedAtTicks)
        {
            _document.Clear();
            Add(_id, source.Id);
            Add(_source, source.Source);
            _sourceColumn.SetBytesValue(new BytesRef(source.Source));
            _document.Add(_sourceColumn);
            Add(_title, source.Title);
            Add(_titleExact, TextNormalizer.Keyword(source.Title));
            Add(_suggest, source.Title);
            Add(_headings, string.Join('\n', source.Headings));
            Add(_body, source.Body);
            Add(_storedBody, storedBody);
            Add(_url, source.Url);
            _indexedAt.SetInt64Value(indexedAtTicks);
            _document.Add(_indexedAt);
            if (site is not null)
            {
                Add(_site, site);
                _siteColumn.SetBytesValue(new BytesRef(site));
                _document.Add(_siteColumn);
                var count = 0;
                foreach (var suffix in TextNormalizer.HostSuffixes(site))
                {
                    Add(Next(_siteMatches, count++, SearchFields.SiteMatch), suffix);
                }
            }

            AddOptional(_breadcrumb, source.Breadcrumb);
            AddOptional(_language, source.Language);
            if (source.Date is { } date)
            {
                var millis = date.ToUnixTimeMilliseconds();
                _dateColumn.SetInt64Value(millis);
                _document.Add(_dateColumn);
                _date.SetInt64Value(millis);
                _document.Add(_date);
            }

            var principals = 0;
            foreach (var principal in source.AllowedPrincipals)
            {
                Add(Next(_principals, principals++, SearchFields.Principals), principal);
            }

            return _document;
        }

        private static StringField Next(List<StringField> pool, int index, string name)
        {
            if (index == pool.Count)
            {
                pool.Add(new StringField(name, "-", Field.Store.NO));
            }

            return pool[index];
        }

        private void Add(Field field, string value)
        {
            field.SetStringValue(value);
            _document.Add(field);
        }

        private void AddOptional(Field field, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                Add(field, value);
            }
        }
    }
}
