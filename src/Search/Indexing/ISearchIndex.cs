using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Indexing;

/// <summary>
/// The node-local search index: keeps documents current and rebuilds from sources.
/// Writes become searchable within <see cref="SearchIndexOptions.RefreshInterval"/>. Thread-safe.
/// </summary>
public interface ISearchIndex
{
    /// <summary>What was found when the index was opened.</summary>
    IndexOpenState OpenState { get; }

    /// <summary>True when the host should call <see cref="RebuildAsync"/> with every source.</summary>
    bool NeedsRebuild { get; }

    /// <summary>Adds or replaces documents by <see cref="SearchDocument.Id"/>.</summary>
    void Upsert(IEnumerable<SearchDocument> documents);

    /// <summary>Removes a document; unknown ids are ignored.</summary>
    void Delete(string id);

    /// <summary>Removes every document of a source.</summary>
    void DeleteSource(string source);

    /// <summary>Makes all writes so far visible to searches now instead of at the next refresh tick.</summary>
    void Refresh();

    /// <summary>
    /// Re-reads every document of each source; documents a source no longer yields are removed
    /// when it finishes. Searches keep working meanwhile. One rebuild at a time.
    /// </summary>
    /// <exception cref="InvalidOperationException">A rebuild is already running.</exception>
    Task<RebuildResult> RebuildAsync(
        IReadOnlyCollection<ISearchSource> sources, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Document counts and rebuild state.</summary>
    IndexStatus GetStatus();
}
