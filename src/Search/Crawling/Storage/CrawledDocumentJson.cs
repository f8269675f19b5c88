using System.Text.Json;
using System.Text.Json.Serialization;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Crawling.Storage;

/// <summary>
/// The JSON form of a crawled page's <see cref="SearchDocument"/> in <see cref="CrawlPageRow.DocumentJson"/>: written by the
/// node that crawled it, read by other nodes (change feed) and by index rebuilds, so no one has to fetch the page again.
/// </summary>
public static class CrawledDocumentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Korean text stays readable in the database instead of \uXXXX escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document as JSON.</summary>
    public static string Serialize(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, Options);
    }

    /// <summary>The document stored as JSON by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a complete document.</exception>
    public static SearchDocument Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = JsonSerializer.Deserialize<SearchDocument>(json, Options)
            ?? throw new JsonException("A crawled document is null.");
        if (document.Id is null || document.Source is null || document.Title is null || document.Url is null
            || document.AllowedPrincipals is null || document.Headings is null || document.Body is null || document.Translations is null)
        {
            throw new JsonException("A crawled document lacks its id, source, title, URL, text or principals.");
        }

        // Documents stored before issue 16 show their address without its port.
        return string.Equals(document.Source, SearchSources.Web, StringComparison.Ordinal) && Uri.TryCreate(document.Url, UriKind.Absolute, out var url)
            ? document with { Breadcrumb = CrawlAddress.Display(url) }
            : document;
    }
}
