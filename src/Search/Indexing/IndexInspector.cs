using Lucene.Net.Index;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace GatewayPortal.Search.Indexing;

/// <summary>Decides whether an existing index can be used as it is, and clears it when not.</summary>
internal static partial class IndexInspector
{
    public static IndexOpenState Inspect(LuceneDirectory directory, bool verifyChecksums, ILogger logger)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return IndexOpenState.Missing;
            }

            var infos = new SegmentInfos();
            infos.Read(directory);
            if (!infos.UserData.TryGetValue(IndexCommitData.SchemaKey, out var schema)
                || !string.Equals(schema, IndexCommitData.SchemaVersion, StringComparison.Ordinal))
            {
                LogSchemaMismatch(logger, schema ?? "(none)", IndexCommitData.SchemaVersion);
                return IndexOpenState.SchemaMismatch;
            }

            using var reader = DirectoryReader.Open(directory);
            if (verifyChecksums)
            {
                foreach (var leaf in reader.Leaves)
                {
                    leaf.AtomicReader.CheckIntegrity();
                }
            }

            if (!infos.UserData.TryGetValue(IndexCommitData.CompleteKey, out var complete)
                || !string.Equals(complete, "1", StringComparison.Ordinal))
            {
                return IndexOpenState.Incomplete;
            }

            return infos.UserData.TryGetValue(IndexCommitData.ClosedKey, out var closed)
                && string.Equals(closed, "1", StringComparison.Ordinal)
                ? IndexOpenState.Ready
                : IndexOpenState.Interrupted;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Lucene reports damage through many exception types (IOException, EndOfStream, format errors).
            LogCorrupt(logger, ex);
            return IndexOpenState.Corrupt;
        }
    }

    /// <summary>Deletes every index file so a fresh index can be created in the same folder.</summary>
    public static void Clear(LuceneDirectory directory)
    {
        foreach (var file in directory.ListAll())
        {
            if (!string.Equals(file, IndexWriter.WRITE_LOCK_NAME, StringComparison.Ordinal))
            {
                directory.DeleteFile(file);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index schema {Found} differs from {Expected}; recreating it empty")]
    private static partial void LogSchemaMismatch(ILogger logger, string found, string expected);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index is unreadable; recreating it empty")]
    private static partial void LogCorrupt(ILogger logger, Exception exception);
}
