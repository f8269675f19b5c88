namespace GatewayPortal.Search.Querying;

/// <summary>How many matching documents have a facet value.</summary>
/// <param name="Value">Source name or host.</param>
/// <param name="Count">Matching documents the user may see.</param>
public sealed record FacetCount(string Value, int Count);
