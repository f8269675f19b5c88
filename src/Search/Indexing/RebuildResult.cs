namespace GatewayPortal.Search.Indexing;

/// <summary>Outcome of a completed rebuild.</summary>
/// <param name="DocumentsBySource">Documents indexed per source.</param>
/// <param name="Elapsed">Wall-clock duration.</param>
public sealed record RebuildResult(IReadOnlyDictionary<string, long> DocumentsBySource, TimeSpan Elapsed);
