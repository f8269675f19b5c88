using Lucene.Net.Index;

namespace GatewayPortal.Search.Indexing;

/// <summary>Whether an on-disk index is open in a running process.</summary>
public static class SearchIndexLock
{
    /// <summary>
    /// True when a process has the index in <paramref name="indexPath"/> open; false when the folder or its lock file is
    /// missing or nobody has it open. Call it before opening the index, not while it is open.
    /// </summary>
    /// <remarks>
    /// Lucene.Net's own write lock does not keep a second process out on Linux (measured: a second writer opened the
    /// index of a running node), but the writer keeps its lock file open, which on Unix holds a shared advisory lock
    /// (flock). Opening the file for exclusive use fails while that lock is held, so it tells whether a writer is open.
    /// </remarks>
    public static bool IsHeld(string indexPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        var lockFile = Path.Combine(Path.GetFullPath(indexPath), IndexWriter.WRITE_LOCK_NAME);
        try
        {
            using var exclusive = new FileStream(lockFile, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
