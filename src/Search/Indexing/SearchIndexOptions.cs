using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Search.Indexing;

/// <summary>Configuration of the local Lucene index (section <c>Search</c>).</summary>
public sealed class SearchIndexOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Search";

    /// <summary>Folder of the index on local disk; ignored when <see cref="InMemory"/> is set.</summary>
    public string IndexPath { get; set; } = Path.Combine("data", "search");

    /// <summary>Keeps the index in memory only (tests, demos).</summary>
    public bool InMemory { get; set; }

    /// <summary>How often pending writes are made visible to searches (near-real-time).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often pending writes are committed to disk.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Indexing buffer before a segment is flushed.</summary>
    [Range(16, 2048)]
    public int RamBufferSizeMb { get; set; } = 64;

    /// <summary>
    /// Indexing buffer while a rebuild runs: fewer, larger segments to flush and merge (each flush writes the terms
    /// dictionary of everything in it again). Taken from the heap only during a rebuild.
    /// </summary>
    [Range(16, 4096)]
    public int RebuildRamBufferSizeMb { get; set; } = 512;

    /// <summary>Threads that analyse documents during a rebuild (the writer accepts them concurrently).</summary>
    [Range(1, 16)]
    public int RebuildThreads { get; set; } = Math.Min(4, Environment.ProcessorCount);

    /// <summary>
    /// Threads one search uses on an index of <see cref="ParallelQueryMinDocs"/> documents or more (slices of
    /// segments, merged). Each search visits every match for its exact count and facets, so this halves a broad
    /// word's latency on an idle two-core node; under full load it gains nothing and costs little. 1 searches on the
    /// calling thread only.
    /// </summary>
    [Range(1, 16)]
    public int QueryThreads { get; set; } = Math.Min(4, Environment.ProcessorCount);

    /// <summary>Index size from which a search uses <see cref="QueryThreads"/> (smaller ones answer in well under a millisecond).</summary>
    [Range(0, int.MaxValue)]
    public int ParallelQueryMinDocs { get; set; } = 100_000;

    /// <summary>Longest body prefix stored for snippets.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxStoredBodyChars { get; set; } = 32 * 1024;

    /// <summary>
    /// Distinct principal sets whose visibility bit sets are kept (least recently used dropped first); each costs one
    /// bit per document, so 512 sets over 1,000,000 documents hold at most 64 MB.
    /// </summary>
    [Range(1, 100_000)]
    public int PrincipalFilterCacheSize { get; set; } = 512;

    /// <summary>Verifies every file's checksum on open, so a damaged index is detected and rebuilt.</summary>
    public bool VerifyChecksumsOnOpen { get; set; } = true;
}
