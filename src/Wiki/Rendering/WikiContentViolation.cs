namespace GatewayPortal.Wiki.Rendering;

/// <summary>A page over one of the <see cref="WikiContentLimits"/>: which limit, the page's figure and the maximum.</summary>
/// <param name="Limit">The limit exceeded.</param>
/// <param name="Actual">The page's figure (for <see cref="WikiContentLimit.MarkdownNesting"/>, the parser's limit plus one).</param>
/// <param name="Maximum">The largest accepted figure.</param>
public sealed record WikiContentViolation(WikiContentLimit Limit, long Actual, long Maximum);
