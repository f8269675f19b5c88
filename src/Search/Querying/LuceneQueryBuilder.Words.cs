using GatewayPortal.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>How one word or phrase becomes a query: a term, or a position-checked phrase of its bigrams.</summary>
internal sealed partial class LuceneQueryBuilder
{
    /// <summary>
    /// What a required word or phrase must match. A word with a particle matches its stem (행정포털을 finds 행정포털),
    /// with a bonus on the bigrams only the typed form has (털을): plain terms, so the exact form ranks first without a
    /// second position check.
    /// </summary>
    private static Query Required(List<AnalyzedToken> tokens, List<AnalyzedToken>? stem, IndexReader reader)
    {
        if (stem is not { Count: > 0 })
        {
            return AnyField(tokens, reader);
        }

        var match = AnyField(stem, reader);
        var bonusTerms = tokens.Select(t => t.Term).Where(t => !stem.Exists(s => string.Equals(s.Term, t, StringComparison.Ordinal))).Distinct().ToList();
        if (bonusTerms.Count == 0)
        {
            return match;
        }

        var bonus = new DisjunctionMaxQuery(TieBreaker) { Boost = ExactFormBoost };
        foreach (var (field, boost) in TextFields)
        {
            var all = new BooleanQuery(disableCoord: true) { Boost = boost };
            foreach (var term in bonusTerms)
            {
                all.Add(new TermQuery(new Term(field, term)), Occur.MUST);
            }

            bonus.Add(all);
        }

        return new BooleanQuery(disableCoord: true) { { match, Occur.MUST }, { bonus, Occur.SHOULD } };
    }

    /// <summary>The tokens in any text field; with a reader, spaced forms that occur in the index are alternatives.</summary>
    private static DisjunctionMaxQuery AnyField(List<AnalyzedToken> tokens, IndexReader? reader)
    {
        var query = new DisjunctionMaxQuery(TieBreaker);
        foreach (var (field, boost) in TextFields)
        {
            var fieldQuery = TermOrPhrase(field, tokens, reader);
            fieldQuery.Boost = boost;
            query.Add(fieldQuery);
        }

        return query;
    }

    /// <summary>
    /// A term, or a position-checked phrase of the bigrams. A Hangul word of three or more syllables also matches
    /// written with a space (민원신청 finds 민원 신청): for each spaced bigram the index holds ("원 신"), a phrase with
    /// it in place of the joined one, at a lower weight so the compound ranks first. Spaced bigrams are rare, so each
    /// variant phrase costs little, unlike matching the two halves anywhere near each other.
    /// </summary>
    private static Query TermOrPhrase(string field, List<AnalyzedToken> tokens, IndexReader? reader)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }

        var exact = Phrase(field, tokens, null, -1);
        var alternatives = reader is null ? null : SpacedAlternatives(field, tokens, reader);
        if (alternatives is null)
        {
            return exact;
        }

        var query = new BooleanQuery(disableCoord: true) { { exact, Occur.SHOULD } };
        var spaced = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (alternatives[i] is not null)
            {
                spaced++;
                query.Add(Phrase(field, tokens, alternatives, i), Occur.SHOULD);
            }
        }

        if (spaced > 1)
        {
            query.Add(Phrase(field, tokens, alternatives, int.MaxValue), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>The phrase of the tokens, with the spaced alternative at <paramref name="spacedAt"/> (every one for int.MaxValue).</summary>
    private static PhraseQuery Phrase(string field, List<AnalyzedToken> tokens, Term?[]? alternatives, int spacedAt)
    {
        var phrase = new PhraseQuery();
        if (alternatives is not null)
        {
            phrase.Boost = SpacedFormBoost;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var spaced = alternatives?[i] is { } alternative && (spacedAt == i || spacedAt == int.MaxValue) ? alternative : null;
            phrase.Add(spaced ?? new Term(field, tokens[i].Term), tokens[i].Position - tokens[0].Position);
        }

        return phrase;
    }

    /// <summary>
    /// Per token, the spaced form of the bigram at the word's split point (<see cref="SplitBigram"/>: 민원신청 → "원 신",
    /// 전자결재시스템 → "재 시"), when the field has it; null when none has. Compounds are mostly built from
    /// two-syllable words and are mostly written with at most one space; other splits mostly cut off a particle or
    /// one syllable, and those spaced bigrams are common enough to make each extra variant phrase expensive.
    /// </summary>
    private static Term?[]? SpacedAlternatives(string field, List<AnalyzedToken> tokens, IndexReader reader)
    {
        Term?[]? alternatives = null;
        var runStart = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i == 0 || !Adjacent(tokens[i - 1], tokens[i]))
            {
                runStart = i;
            }

            var runEnd = i;
            while (runEnd + 1 < tokens.Count && Adjacent(tokens[runEnd], tokens[runEnd + 1]))
            {
                runEnd++;
            }

            // Bigram k of a run of m bigrams (m + 1 syllables) splits it into k + 1 and m − k syllables.
            var k = i - runStart;
            var m = runEnd - runStart + 1;
            if (k != SplitBigram(m))
            {
                continue;
            }

            var term = new Term(field, HangulGramFilter.SpacedBigram(tokens[i].Term[0], tokens[i].Term[1]));
            if (reader.DocFreq(term) > 0)
            {
                alternatives ??= new Term?[tokens.Count];
                alternatives[i] = term;
            }
        }

        return alternatives;
    }

    /// <summary>
    /// The one bigram of a run of <paramref name="bigrams"/> where a space is looked for: after an even number of
    /// syllables, leaving at least two, nearest the middle (later on a tie); −1 for words under four syllables.
    /// </summary>
    internal static int SplitBigram(int bigrams)
    {
        var best = -1;
        for (var k = 1; k <= bigrams - 2; k += 2)
        {
            if (best < 0 || Math.Abs((2 * k) - (bigrams - 1)) <= Math.Abs((2 * best) - (bigrams - 1)))
            {
                best = k;
            }
        }

        return best;
    }

    private static bool Adjacent(AnalyzedToken first, AnalyzedToken second) =>
        IsBigram(first) && IsBigram(second) && first.Start + 1 == second.Start && first.Position + 1 == second.Position;

    private static bool IsBigram(AnalyzedToken token) =>
        token.Term.Length == 2 && ScriptTokenizer.IsHangul(token.Term[0]) && ScriptTokenizer.IsHangul(token.Term[1]);
}
