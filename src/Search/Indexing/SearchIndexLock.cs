using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GatewayPortal.Search.Indexing;

/// <summary>Whether an on-disk index is open in a running process (its writer holds the index's write lock).</summary>
public static class SearchIndexLock
{
    /// <summary>
    /// True when another process (or another writer in this one) holds the write lock of the index in
    /// <paramref name="indexPath"/>; false when the folder is missing or nobody holds it. Takes the lock for an instant to
    /// find out, so call it before opening the index, not while it is open.
    /// </summary>
    public static bool IsHeld(string indexPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        var folder = new DirectoryInfo(Path.GetFullPath(indexPath));
        if (!folder.Exists)
        {
            return false;
        }

        using var directory = new SimpleFSDirectory(folder, new NativeFSLockFactory(folder));
        using var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
        try
        {
            return !writeLock.Obtain();
        }
        catch (LockObtainFailedException)
        {
            return true;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
