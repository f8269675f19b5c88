namespace GatewayPortal.Search.Querying;

/// <summary>Order of search results.</summary>
public enum SearchSort
{
    /// <summary>Best match first: exact title, then title, headings, body, with a recency boost.</summary>
    Relevance,

    /// <summary>Newest first.</summary>
    Date,
}
