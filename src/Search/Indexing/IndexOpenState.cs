namespace GatewayPortal.Search.Indexing;

/// <summary>What was found when the index was opened.</summary>
public enum IndexOpenState
{
    /// <summary>A complete index of the current schema.</summary>
    Ready,

    /// <summary>No index existed; an empty one was created.</summary>
    Missing,

    /// <summary>The index had another schema version; it was replaced by an empty one.</summary>
    SchemaMismatch,

    /// <summary>The index could not be read; it was replaced by an empty one.</summary>
    Corrupt,

    /// <summary>A previous rebuild did not finish; the partial index was kept.</summary>
    Incomplete,

    /// <summary>
    /// The process that last held the index stopped without closing it (killed, crashed, power lost): changes after its last
    /// commit may be missing, so the index was kept and is brought up to date from its sources.
    /// </summary>
    Interrupted,
}
