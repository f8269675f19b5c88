namespace GatewayPortal.Search.Querying;

/// <summary>The user's query split into words, phrases, exclusions and filters.</summary>
/// <param name="Clauses">Words and phrases, all required unless excluded.</param>
/// <param name="Sites">Hosts from <c>site:</c> (any of them matches).</param>
/// <param name="Sources">Sources from <c>source:</c> (any of them matches).</param>
public sealed record ParsedQuery(IReadOnlyList<QueryClause> Clauses, IReadOnlyList<string> Sites, IReadOnlyList<string> Sources)
{
    /// <summary>Words and phrases that must match.</summary>
    public IEnumerable<QueryClause> Required => Clauses.Where(c => !c.Excluded);

    /// <summary>Words and phrases that must not match.</summary>
    public IEnumerable<QueryClause> Excluded => Clauses.Where(c => c.Excluded);
}
