using System.Runtime.CompilerServices;
using GatewayPortal.Search.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// The documents a set of principals may see, as one bit set per segment, cached by segment core: a near-real-time
/// reopen only computes the new segments. Deletions are not in the cached bits; the live docs passed in at search
/// time are applied on top, so deleted and replaced documents never show. A <see cref="FixedBitSet"/> is random
/// access, so Lucene checks it per candidate (acceptDocs) instead of leap-frogging a principals query.
/// </summary>
internal sealed class PrincipalFilter(IReadOnlyList<string> principals) : Filter
{
    private readonly ConditionalWeakTable<object, FixedBitSet> _segments = new();

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        var bits = _segments.GetValue(reader.CoreCacheKey, _ => Compute(reader));
        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }

    public override string ToString() => "principals(" + string.Join(", ", principals) + ")";

    private FixedBitSet Compute(AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        var terms = reader.GetTerms(SearchFields.Principals);
        if (terms is null)
        {
            return bits;
        }

        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        foreach (var principal in principals)
        {
            if (!termsEnum.SeekExact(new BytesRef(principal)))
            {
                continue;
            }

            // Null live docs: the cached bits outlive deletions, which are applied per search.
            docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                bits.Set(doc);
            }
        }

        return bits;
    }
}
