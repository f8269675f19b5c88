using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace GatewayPortal.Search.Tests.Indexing;

/// <summary>Writes a one-document index carrying another schema version, as an older release would.</summary>
internal static class OldSchemaIndex
{
    public static void Write(string path, string schemaVersion)
    {
        using var directory = FSDirectory.Open(path);
        using var analyzer = new WhitespaceAnalyzer(LuceneVersion.LUCENE_48);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer));
        writer.AddDocument([new StringField("id", "old", Field.Store.YES)]);
        writer.SetCommitData(new Dictionary<string, string> { ["gatewayportal.schema"] = schemaVersion });
        writer.Commit();
    }
}
