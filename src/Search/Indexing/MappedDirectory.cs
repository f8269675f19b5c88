using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace GatewayPortal.Search.Indexing;

/// <summary>
/// A file-system directory that reads index files through memory maps with one raw pointer per file.
/// <para>
/// Lucene.Net 4.8.0-beta00017's <see cref="MMapDirectory"/> reads each byte through a <c>MemoryMappedViewAccessor</c>,
/// which takes and releases the mapping's handle (two interlocked operations on one shared counter) around every
/// read, and registers every clone of an input in a weak table. A search clones inputs for each term in each
/// segment and reads terms dictionaries and postings mostly a byte or a variable-length integer at a time, and its
/// two threads read the same files, so both costs show (term lookup times in bench/RESULTS.md). Here a read is a bounds
/// check, a closed check and a pointer access; a clone is a copy of four fields.
/// </para>
/// <para>
/// Lifetime: a file's mapping belongs to the input the directory opened (or to the slicer of a compound file), and
/// clones and slices share it, as in Lucene. Disposing the owner marks the mapping closed, so a later read on any
/// clone throws <see cref="ObjectDisposedException"/> instead of touching memory; the view itself is unmapped only
/// after <see cref="UnmapDelay"/>, so a read that passed the closed check just before cannot touch unmapped memory.
/// </para>
/// </summary>
internal sealed class MappedDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    /// <summary>How long a closed file stays mapped before its view is released (reads in flight finish in microseconds).</summary>
    internal static readonly TimeSpan UnmapDelay = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        var mapping = FileMapping.Open(file);
        return new MappedIndexInput($"MappedIndexInput(path=\"{file}\")", mapping, 0, mapping.Length, ownsMapping: true);
    }

    /// <inheritdoc/>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        return new Slicer(file, FileMapping.Open(file));
    }

    /// <summary>Slices of one mapped compound file; the slicer owns the mapping.</summary>
    private sealed class Slicer(string file, FileMapping mapping) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > mapping.Length)
            {
                throw new ArgumentException($"Slice {sliceDescription} out of bounds: offset={offset}, length={length}, file length={mapping.Length} ({file}).");
            }

            return new MappedIndexInput($"MappedIndexInput({sliceDescription} in path=\"{file}\" slice={offset}:{offset + length})", mapping, offset, length, ownsMapping: false);
        }

        [Obsolete("Only for reading compound files of Lucene 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, mapping.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                mapping.Close();
            }
        }
    }
}
