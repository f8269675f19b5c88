namespace GatewayPortal.Search.Indexing;

/// <summary>Progress of a rebuild: the source being read and how many documents were indexed so far.</summary>
/// <param name="Source">Source currently being indexed.</param>
/// <param name="SourceIndex">Zero-based index of that source in the rebuild.</param>
/// <param name="SourceCount">Number of sources in the rebuild.</param>
/// <param name="SourceDocuments">Documents indexed from the current source.</param>
/// <param name="TotalDocuments">Documents indexed in this rebuild so far.</param>
/// <param name="SourceCompleted">True once the current source has been fully read.</param>
public sealed record RebuildProgress(
    string Source, int SourceIndex, int SourceCount, long SourceDocuments, long TotalDocuments, bool SourceCompleted);
