using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// Parses search-box syntax: words (all required), "quoted phrases", -word and -"phrase"
/// exclusions, <c>site:host</c> and <c>source:wiki|app|person|web</c>.
/// </summary>
public static class UserQueryParser
{
    private const string SitePrefix = "site:";
    private const string SourcePrefix = "source:";

    /// <summary>Parses <paramref name="input"/>; never throws on malformed input (an open quote runs to the end).</summary>
    public static ParsedQuery Parse(string? input)
    {
        var clauses = new List<QueryClause>();
        var sites = new List<string>();
        var sources = new List<string>();
        var text = input ?? string.Empty;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            i += excluded ? 1 : 0;
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var end = close < 0 ? text.Length : close;
                AddClause(clauses, text[(i + 1)..end], isPhrase: true, excluded);
                i = Math.Min(text.Length, end + 1);
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var token = text[start..i];
            if (excluded || !TryAddFilter(token, sites, sources))
            {
                AddClause(clauses, token, isPhrase: false, excluded);
            }
        }

        return new ParsedQuery(clauses, sites, sources);
    }

    private static bool TryAddFilter(string token, List<string> sites, List<string> sources)
    {
        if (token.Length > SitePrefix.Length && token.StartsWith(SitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            sites.Add(token[SitePrefix.Length..].ToLowerInvariant());
            return true;
        }

        if (token.Length > SourcePrefix.Length && token.StartsWith(SourcePrefix, StringComparison.OrdinalIgnoreCase))
        {
            sources.Add(SearchSources.Normalize(token[SourcePrefix.Length..]));
            return true;
        }

        return false;
    }

    private static void AddClause(List<QueryClause> clauses, string text, bool isPhrase, bool excluded)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            clauses.Add(new QueryClause(text.Trim(), isPhrase, excluded));
        }
    }
}
