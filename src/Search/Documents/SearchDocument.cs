namespace GatewayPortal.Search.Documents;

/// <summary>One searchable item (a wiki page, an application, a person or a web page).</summary>
public sealed record SearchDocument
{
    /// <summary>Key unique across all sources, e.g. <c>wiki:42</c>; upserts replace by it.</summary>
    public required string Id { get; init; }

    /// <summary>One of <see cref="SearchSources"/>; must equal the name of the source that yields it.</summary>
    public required string Source { get; init; }

    /// <summary>Host the item belongs to; derived from an absolute <see cref="Url"/> when null.</summary>
    public string? Site { get; init; }

    /// <summary>Display title (a person's name for the staff directory).</summary>
    public required string Title { get; init; }

    /// <summary>Section headings, ranked between title and body.</summary>
    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>Plain body text (no markup); a capped copy is stored for snippets.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Where a hit links to.</summary>
    public required string Url { get; init; }

    /// <summary>Human-readable location, e.g. "위키 › 인사 › 복무".</summary>
    public string? Breadcrumb { get; init; }

    /// <summary>Last modification; drives date sorting and the recency boost.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Content language tag (e.g. "ko", "en"), when known.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The item in other languages, by language tag (lower-case letters, e.g. "en"): indexed with the item and shown instead of
    /// its own title, body and location to a reader of that language (<c>SearchRequest.Language</c>), so a Korean page does not
    /// show English text and an English one finds the item by its English words.
    /// </summary>
    public IReadOnlyDictionary<string, SearchTranslation> Translations { get; init; } = new Dictionary<string, SearchTranslation>(StringComparer.Ordinal);

    /// <summary>Who may see the item: see <see cref="SearchPrincipals"/>. Empty means nobody.</summary>
    public required IReadOnlyCollection<string> AllowedPrincipals { get; init; }
}
