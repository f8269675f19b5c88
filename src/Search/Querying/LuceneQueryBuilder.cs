using GatewayPortal.Search.Analysis;
using GatewayPortal.Search.Documents;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>Turns a <see cref="ParsedQuery"/> into a scoring Lucene query and its non-scoring restrictions.</summary>
internal sealed partial class LuceneQueryBuilder(Analyzer queryAnalyzer)
{
    private const float ExactTitleBoost = 50f;
    private const float StemTitleBoost = 40f;
    private const float ExactFormBoost = 0.5f;
    private const float SpacedFormBoost = 0.6f;
    private const float TieBreaker = 0.1f;
    private static readonly (string Field, float Boost)[] TextFields =
        [(SearchFields.Title, 4f), (SearchFields.Headings, 2f), (SearchFields.Body, 1f)];

    /// <summary>Builds the scoring query, or null when there is nothing to search for.</summary>
    public Query? BuildScoring(ParsedQuery parsed, bool hasFilters, IndexReader reader)
    {
        var query = new BooleanQuery();
        var states = new TermStates(reader);
        var required = new List<string>();
        var stemmed = new List<string>();
        foreach (var clause in parsed.Clauses)
        {
            var tokens = queryAnalyzer.Tokenize(SearchFields.Body, clause.Text);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (clause.Excluded)
            {
                query.Add(AnyField(tokens, null), Occur.MUST_NOT);
                continue;
            }

            var stem = clause.IsPhrase ? null : KoreanParticles.StripParticle(clause.Text);
            query.Add(Required(tokens, stem is null ? null : queryAnalyzer.Tokenize(SearchFields.Body, stem), states), Occur.MUST);
            required.Add(clause.Text);
            stemmed.Add(stem ?? clause.Text);
        }

        if (required.Count == 0)
        {
            if (!hasFilters)
            {
                return null;
            }

            query.Add(new MatchAllDocsQuery(), Occur.MUST);
            return query;
        }

        var exact = TextNormalizer.Keyword(string.Join(' ', required));
        var exactTitle = states.Query(SearchFields.TitleExact, exact);
        exactTitle.Boost = ExactTitleBoost;
        query.Add(exactTitle, Occur.SHOULD);
        var stemExact = TextNormalizer.Keyword(string.Join(' ', stemmed));
        if (!string.Equals(stemExact, exact, StringComparison.Ordinal))
        {
            var stemTitle = states.Query(SearchFields.TitleExact, stemExact);
            stemTitle.Boost = StemTitleBoost;
            query.Add(stemTitle, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// The words of the required clauses, for highlighting: each Hangul word whole as typed (with its stem when it ends in a
    /// particle, and its spaced form when it is a compound the query also finds written apart, as "민원 신청"), and other
    /// words as analysed terms (English stems). Not the query's bigrams: a bigram of 스크립트 is also a piece of 스크린.
    /// </summary>
    public HashSet<string> HighlightTerms(ParsedQuery parsed)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in parsed.Clauses)
        {
            if (clause.Excluded)
            {
                continue;
            }

            AddWords(clause.Text, terms);
            if (!clause.IsPhrase && KoreanParticles.StripParticle(clause.Text) is { } stem)
            {
                AddWords(stem, terms);
            }
        }

        return terms;
    }

    private void AddWords(string text, HashSet<string> terms)
    {
        var tokens = queryAnalyzer.Tokenize(SearchFields.Body, text);
        if (tokens.Count == 0)
        {
            return;
        }

        foreach (var unit in Units(tokens))
        {
            terms.Add(unit.Text);
            if (unit.Hangul && SplitBigram(unit.Text.Length - 1) is var split and >= 0)
            {
                terms.Add(unit.Text[..(split + 1)] + " " + unit.Text[(split + 1)..]);
            }
        }
    }

    /// <summary>
    /// Source and site restrictions (no score), or null when there are none. Security trimming is separate: see
    /// <see cref="PrincipalFilterCache"/>.
    /// </summary>
    public static Query? BuildRestriction(ParsedQuery parsed, string? source)
    {
        var filter = new BooleanQuery();
        if (parsed.Sources.Count > 0)
        {
            filter.Add(AnyOf(SearchFields.Source, parsed.Sources), Occur.MUST);
        }

        if (source is not null)
        {
            filter.Add(AnyOf(SearchFields.Source, [SearchSources.Normalize(source)]), Occur.MUST);
        }

        if (parsed.Sites.Count > 0)
        {
            filter.Add(AnyOf(SearchFields.SiteMatch, parsed.Sites), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : filter;
    }

    private static BooleanQuery AnyOf(string field, IEnumerable<string> values)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var value in values)
        {
            query.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return query;
    }
}
