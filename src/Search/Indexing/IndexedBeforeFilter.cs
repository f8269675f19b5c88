using GatewayPortal.Search.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GatewayPortal.Search.Indexing;

/// <summary>
/// Documents last written before an instant, read from the <see cref="SearchFields.IndexedAt"/> doc values. The instant
/// was a trie-encoded numeric field before: sixteen terms per document, the finest of them unique to it, each written
/// into the terms dictionary of every flushed segment.
/// </summary>
internal sealed class IndexedBeforeFilter(long beforeTicks) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var values = reader.GetNumericDocValues(SearchFields.IndexedAt);
        if (values is null)
        {
            return null;
        }

        var matches = new FixedBitSet(reader.MaxDoc);
        var any = false;
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if ((acceptDocs is null || acceptDocs.Get(doc)) && values.Get(doc) < beforeTicks)
            {
                matches.Set(doc);
                any = true;
            }
        }

        return any ? matches : null;
    }
}
