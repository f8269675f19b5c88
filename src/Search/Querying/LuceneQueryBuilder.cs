using GatewayPortal.Search.Analysis;
using GatewayPortal.Search.Documents;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>Turns a <see cref="ParsedQuery"/> into a scoring Lucene query and a non-scoring filter.</summary>
internal sealed class LuceneQueryBuilder(Analyzer queryAnalyzer)
{
    private const float ExactTitleBoost = 50f;
    private const float TieBreaker = 0.1f;
    private static readonly (string Field, float Boost)[] TextFields =
        [(SearchFields.Title, 4f), (SearchFields.Headings, 2f), (SearchFields.Body, 1f)];

    /// <summary>Builds the scoring query, or null when there is nothing to search for.</summary>
    public Query? BuildScoring(ParsedQuery parsed, bool hasFilters)
    {
        var query = new BooleanQuery();
        var required = new List<string>();
        foreach (var clause in parsed.Clauses)
        {
            var tokens = queryAnalyzer.Tokenize(SearchFields.Body, clause.Text);
            if (tokens.Count == 0)
            {
                continue;
            }

            query.Add(AnyField(tokens), clause.Excluded ? Occur.MUST_NOT : Occur.MUST);
            if (!clause.Excluded)
            {
                required.Add(clause.Text);
            }
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

        var exact = new TermQuery(new Term(SearchFields.TitleExact, TextNormalizer.Keyword(string.Join(' ', required))))
        {
            Boost = ExactTitleBoost,
        };
        query.Add(exact, Occur.SHOULD);
        return query;
    }

    /// <summary>Analysed terms of the required words and phrases, for highlighting.</summary>
    public HashSet<string> HighlightTerms(ParsedQuery parsed) =>
        [.. parsed.Required.SelectMany(c => queryAnalyzer.Tokenize(SearchFields.Body, c.Text)).Select(t => t.Term)];

    /// <summary>
    /// Security trimming plus source and site filters; none of them affects scores. Wrapped as a
    /// query filter, it is advanced alongside the query (leap-frog) instead of materialising a
    /// bit set of every document the principals may see.
    /// </summary>
    public static Filter BuildFilter(ParsedQuery parsed, IEnumerable<string> principals, string? source)
    {
        var filter = new BooleanQuery
        {
            { AnyOf(SearchFields.Principals, principals.Append(SearchPrincipals.Everyone).Distinct(StringComparer.Ordinal)), Occur.MUST },
        };
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

        return new QueryWrapperFilter(filter);
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

    private static DisjunctionMaxQuery AnyField(List<AnalyzedToken> tokens)
    {
        var query = new DisjunctionMaxQuery(TieBreaker);
        foreach (var (field, boost) in TextFields)
        {
            var fieldQuery = TermOrPhrase(field, tokens);
            fieldQuery.Boost = boost;
            query.Add(fieldQuery);
        }

        return query;
    }

    private static Query TermOrPhrase(string field, List<AnalyzedToken> tokens)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }

        var phrase = new PhraseQuery();
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token.Term), token.Position - tokens[0].Position);
        }

        return phrase;
    }
}
