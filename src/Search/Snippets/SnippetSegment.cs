namespace GatewayPortal.Search.Snippets;

/// <summary>A run of snippet text; the UI wraps highlighted runs in &lt;mark&gt; after HTML-encoding.</summary>
/// <param name="Text">Plain text (never markup).</param>
/// <param name="Highlighted">True when the run matched a query term.</param>
public sealed record SnippetSegment(string Text, bool Highlighted);
