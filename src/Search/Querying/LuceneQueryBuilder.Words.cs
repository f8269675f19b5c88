using System.Text;
using GatewayPortal.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// How one word or phrase becomes a query over the grams of <see cref="HangulGramFilter"/>: a word of up to four
/// syllables is one term, a longer one a short phrase of four-syllable grams, and where two Hangul words meet in a
/// phrase, the document may write them joined or apart.
/// </summary>
internal sealed partial class LuceneQueryBuilder
{
    /// <summary>Phrase boundaries tried both ways (joined and apart); beyond these a boundary is left unconstrained.</summary>
    private const int MaxFlexibleBoundaries = 3;

    /// <summary>Weight of a one-syllable word found inside a run (a constant score) against its scored unigram.</summary>
    private const float PrefixSyllableBoost = 0.5f;

    private static readonly Lucene.Net.Search.Similarities.DefaultSimilarity IdfSimilarity = new();

    /// <summary>
    /// What a required word or phrase must match. A word with a particle matches its stem (행정포털을 finds 행정포털),
    /// with a bonus on the grams only the typed form has (정포털을): plain terms, so the exact form ranks first without
    /// a second position check.
    /// </summary>
    private static Query Required(List<AnalyzedToken> tokens, List<AnalyzedToken>? stem, TermStates states)
    {
        if (stem is not { Count: > 0 })
        {
            return AnyField(tokens, states);
        }

        var match = AnyField(stem, states);
        var stemTerms = Alternatives(Units(stem), single: true).SelectMany(a => a.Parts).Select(p => p.Term).ToHashSet(StringComparer.Ordinal);
        var bonusTerms = Alternatives(Units(tokens), single: true).SelectMany(a => a.Parts).Select(p => p.Term)
            .Where(t => !stemTerms.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
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
                all.Add(states.Query(field, term), Occur.MUST);
            }

            bonus.Add(all);
        }

        return new BooleanQuery(disableCoord: true) { { match, Occur.MUST }, { bonus, Occur.SHOULD } };
    }

    /// <summary>The tokens in any text field; with the index's terms, a compound also matches written apart when the index has that form.</summary>
    private static DisjunctionMaxQuery AnyField(List<AnalyzedToken> tokens, TermStates? states)
    {
        var units = Units(tokens);
        var alternatives = Alternatives(units, single: false);
        var spaced = states is null ? null : Spaced(units);
        var query = new DisjunctionMaxQuery(TieBreaker);
        foreach (var (field, boost) in TextFields)
        {
            var fieldQuery = FieldQuery(field, alternatives, spaced, states);
            fieldQuery.Boost = boost;
            query.Add(fieldQuery);
        }

        return query;
    }

    /// <summary>
    /// The alternatives in one field, as one query. A single word of four or more syllables also matches written with
    /// a space at its <see cref="SplitBigram"/> point (민원신청 finds 민원 신청), through the cross gram of that
    /// boundary, at a lower weight so the compound ranks first.
    /// </summary>
    private static Query FieldQuery(string field, List<Alternative> alternatives, (string Cross, List<Part> Parts)? spaced, TermStates? states)
    {
        var forms = alternatives.Select(a => (a.Parts, Boost: 1f)).ToList();
        if (states is not null && spaced is { } split && states.DocFreq(field, split.Cross) > 0)
        {
            forms.Add((split.Parts, SpacedFormBoost));
        }

        if (forms.Count == 1)
        {
            return TermOrPhrase(field, forms[0].Parts, 1f, states);
        }

        // A phrase weighs the sum of its terms' idf (squared in the score), so a form written with more terms would
        // outrank the compound: each form is scaled to weigh what the first (joined) form weighs, times its boost.
        var any = new BooleanQuery(disableCoord: true);
        var first = states is null ? 0 : IdfSum(states, field, forms[0].Parts);
        for (var i = 0; i < forms.Count; i++)
        {
            var (parts, boost) = forms[i];
            var own = i == 0 || states is null ? first : IdfSum(states, field, parts);
            var scale = first > 0 && own > 0 ? (first / own) * (first / own) : 1f;
            any.Add(TermOrPhrase(field, parts, boost * scale, states), Occur.SHOULD);
        }

        return any;
    }

    /// <summary>The idf a phrase of <paramref name="parts"/> weighs with the default similarity (a term's own idf for one part).</summary>
    private static float IdfSum(TermStates states, string field, List<Part> parts)
    {
        var sum = 0f;
        foreach (var part in parts)
        {
            sum += IdfSimilarity.Idf(states.DocFreq(field, part.Term), states.MaxDoc);
        }

        return sum;
    }

    private static Query TermOrPhrase(string field, List<Part> parts, float boost, TermStates? states)
    {
        if (parts is [{ Term: [var syllable] } only] && ScriptTokenizer.IsHangul(syllable))
        {
            // One syllable on its own: its unigram (first and last syllables of a run), or any gram starting with it.
            var either = new BooleanQuery(disableCoord: true)
            {
                { new TermQuery(new Term(field, only.Term)), Occur.SHOULD },
                { new PrefixQuery(new Term(field, only.Term)) { Boost = PrefixSyllableBoost }, Occur.SHOULD },
            };
            either.Boost = boost;
            return either;
        }

        if (parts.Count == 1)
        {
            var term = states?.Query(field, parts[0].Term) ?? new TermQuery(new Term(field, parts[0].Term));
            term.Boost = boost;
            return term;
        }

        var phrase = new PhraseQuery { Boost = boost };
        foreach (var part in parts.OrderBy(p => p.Offset))
        {
            phrase.Add(new Term(field, part.Term), part.Offset);
        }

        return phrase;
    }

    /// <summary>
    /// The ways a document may hold the units. Where two Hangul words meet, the document either writes them as one run
    /// (the grams of the joined run) or as two (the grams of each, plus the cross gram of the boundary when both have
    /// two or more syllables): the same matches as a phrase of bigrams, each way led by a rare term. With
    /// <paramref name="single"/>, only the first way.
    /// </summary>
    private static List<Alternative> Alternatives(List<Unit> units, bool single)
    {
        var flexible = new List<int>();
        for (var u = 1; u < units.Count && flexible.Count < MaxFlexibleBoundaries; u++)
        {
            if (Meet(units[u - 1], units[u]))
            {
                flexible.Add(u);
            }
        }

        var combinations = single ? 1 : 1 << flexible.Count;
        var alternatives = new List<Alternative>(combinations);
        for (var mask = 0; mask < combinations; mask++)
        {
            var parts = new List<Part>();
            var run = new StringBuilder();
            var runOffset = 0;
            var runHangul = false;
            for (var u = 0; u < units.Count; u++)
            {
                var at = flexible.IndexOf(u);
                var joined = at >= 0 && ((mask >> at) & 1) == 0;
                if (u > 0 && joined)
                {
                    run.Append(units[u].Text);
                    continue;
                }

                if (u > 0)
                {
                    Cover(run.ToString(), runOffset, runHangul, parts);
                }

                if (at >= 0 && units[u - 1].Text.Length >= 2 && units[u].Text.Length >= 2)
                {
                    parts.Add(new Part(HangulGramFilter.CrossGram(units[u - 1].Text.AsSpan(^2), units[u].Text.AsSpan(0, 2)), units[u].Offset - 1));
                }

                run.Clear().Append(units[u].Text);
                runOffset = units[u].Offset;
                runHangul = units[u].Hangul;
            }

            Cover(run.ToString(), runOffset, runHangul, parts);
            alternatives.Add(new Alternative(parts));
        }

        return alternatives;
    }

    /// <summary>
    /// The split form of a single word (민원신청 → 민원 + 신청 with the cross gram of 민원 신청), or null when the
    /// clause is not one Hangul word of four or more syllables.
    /// </summary>
    private static (string Cross, List<Part> Parts)? Spaced(List<Unit> units)
    {
        if (units is not [{ Hangul: true } word])
        {
            return null;
        }

        var split = SplitBigram(word.Text.Length - 1);
        if (split < 0)
        {
            return null;
        }

        var left = new Unit(word.Text[..(split + 1)], word.Offset, Hangul: true);
        var right = new Unit(word.Text[(split + 1)..], word.Offset + split + 1, Hangul: true);
        var cross = HangulGramFilter.CrossGram(left.Text.AsSpan(^2), right.Text.AsSpan(0, 2));
        // The cross gram is a bucket: the grams on both sides pin the syllables.
        var parts = new List<Part>();
        Cover(left.Text, left.Offset, hangul: true, parts);
        parts.Add(new Part(cross, right.Offset - 1));
        Cover(right.Text, right.Offset, hangul: true, parts);
        return (cross, parts);
    }

    /// <summary>
    /// The terms that find <paramref name="text"/> at <paramref name="offset"/>: itself when it is not Hangul or has at
    /// most <see cref="HangulGramFilter.MaxGram"/> syllables, else four-syllable grams every four syllables and one
    /// ending the word (전자결재시스템 → 전자결재@0, 재시스템@3).
    /// </summary>
    private static void Cover(string text, int offset, bool hangul, List<Part> parts)
    {
        const int gram = HangulGramFilter.MaxGram;
        if (!hangul || text.Length <= gram)
        {
            parts.Add(new Part(text, offset));
            return;
        }

        for (var i = 0; i + gram < text.Length; i += gram)
        {
            parts.Add(new Part(text.Substring(i, gram), offset + i));
        }

        parts.Add(new Part(text[^gram..], offset + text.Length - gram));
    }

    /// <summary>
    /// The clause's tokens as units: a Hangul run rebuilt from its adjacent bigrams (or a lone syllable), or any other
    /// token, each at its position relative to the first.
    /// </summary>
    private static List<Unit> Units(List<AnalyzedToken> tokens)
    {
        var units = new List<Unit>();
        var origin = tokens[0].Position;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!IsBigram(token))
            {
                units.Add(new Unit(token.Term, token.Position - origin, token.Term.Length == 1 && ScriptTokenizer.IsHangul(token.Term[0])));
                continue;
            }

            var run = new StringBuilder(token.Term);
            while (i + 1 < tokens.Count && Adjacent(tokens[i], tokens[i + 1]))
            {
                run.Append(tokens[++i].Term[1]);
            }

            units.Add(new Unit(run.ToString(), token.Position - origin, Hangul: true));
        }

        return units;
    }

    /// <summary>Two Hangul words, one right after the other: a document may join them or not.</summary>
    private static bool Meet(Unit first, Unit second) =>
        first.Hangul && second.Hangul && first.Offset + first.Text.Length == second.Offset;

    /// <summary>
    /// The one bigram of a run of <paramref name="bigrams"/> where a space is looked for: after an even number of
    /// syllables, leaving at least two, nearest the middle (later on a tie); −1 for words under four syllables.
    /// Compounds are mostly built from two-syllable words and mostly written with at most one space.
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

    /// <summary>A word of the clause: a Hangul run (or syllable) or another token, at its position offset.</summary>
    private readonly record struct Unit(string Text, int Offset, bool Hangul);

    /// <summary>A term and its position offset in the phrase.</summary>
    private readonly record struct Part(string Term, int Offset);

    /// <summary>One way a document may hold the clause: terms at offsets, all required.</summary>
    private sealed record Alternative(List<Part> Parts);
}
