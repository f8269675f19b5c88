namespace GatewayPortal.Wiki.Diff;

/// <summary>Presentation and safety limits for <see cref="IWikiDiffService"/>.</summary>
public sealed record WikiDiffOptions
{
    /// <summary>The defaults: 3 context lines and budgets that keep any diff well under a second.</summary>
    public static WikiDiffOptions Default { get; } = new();

    /// <summary>Unchanged lines shown around each change; null shows every line.</summary>
    public int? ContextLines { get; init; } = 3;

    /// <summary>
    /// The word-diff budget for the whole comparison, counted as old length × new length (characters) per modified line pair.
    /// Pairs beyond the budget are highlighted as whole lines (MediaWiki's bail-out).
    /// </summary>
    public long MaxWordDiffCost { get; init; } = 4_000_000;

    /// <summary>
    /// The largest (old lines × new lines), after trimming the common head and tail, diffed in one piece; a larger middle is split
    /// at lines unique to both sides and each gap is diffed within the same budget or shown replaced wholesale (BoundedLineDiff).
    /// </summary>
    public long MaxLineDiffCost { get; init; } = 50_000_000;
}
