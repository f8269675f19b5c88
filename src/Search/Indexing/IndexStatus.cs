namespace GatewayPortal.Search.Indexing;

/// <summary>Snapshot of the index for the admin page.</summary>
/// <param name="OpenState">What was found when the index was opened.</param>
/// <param name="NeedsRebuild">True until a rebuild completes after an open that was not <see cref="IndexOpenState.Ready"/>.</param>
/// <param name="DocumentCount">Searchable documents.</param>
/// <param name="DocumentsBySource">Searchable documents per source.</param>
/// <param name="Rebuild">Progress of the running rebuild, or null.</param>
public sealed record IndexStatus(
    IndexOpenState OpenState,
    bool NeedsRebuild,
    int DocumentCount,
    IReadOnlyDictionary<string, int> DocumentsBySource,
    RebuildProgress? Rebuild);
