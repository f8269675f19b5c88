using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// The terms dictionary entries of one query's terms, looked up once per term in every segment and shared: by the
/// builder's document frequencies (which forms of a word the index holds, and how much each weighs) and by the term
/// queries it makes, which Lucene would otherwise look up again when it builds their weights. The lookups of one field
/// in one segment share a terms enumerator: Lucene makes a new one per lookup, and its buffers were the largest share
/// of what a search allocated.
/// </summary>
internal sealed class TermStates(IndexReader reader)
{
    private readonly Dictionary<Term, TermContext> _states = [];
    private readonly Dictionary<string, TermsEnum?[]> _enumerators = new(StringComparer.Ordinal);

    /// <summary>Documents in the whole index.</summary>
    public int MaxDoc => reader.MaxDoc;

    /// <summary>Documents holding <paramref name="text"/> in <paramref name="field"/> (deleted ones included, as Lucene counts).</summary>
    public int DocFreq(string field, string text) => State(new Term(field, text)).DocFreq;

    /// <summary>A term query whose weight reuses the looked-up entries.</summary>
    public TermQuery Query(string field, string text) => Query(new Term(field, text));

    /// <inheritdoc cref="Query(string, string)"/>
    public TermQuery Query(Term term) => new(term, State(term));

    private TermContext State(Term term)
    {
        if (_states.TryGetValue(term, out var state))
        {
            return state;
        }

        var top = reader.Context;
        var leaves = top.Leaves;
        if (!_enumerators.TryGetValue(term.Field, out var enumerators))
        {
            enumerators = new TermsEnum?[leaves.Count];
            _enumerators[term.Field] = enumerators;
        }

        state = new TermContext(top);
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            var enumerator = enumerators[i] ??= leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (enumerator is not null && enumerator.SeekExact(term.Bytes))
            {
                state.Register(enumerator.GetTermState(), leaf.Ord, enumerator.DocFreq, enumerator.TotalTermFreq);
            }
        }

        _states[term] = state;
        return state;
    }
}
