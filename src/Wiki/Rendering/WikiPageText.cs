namespace GatewayPortal.Wiki.Rendering;

/// <summary>What a reader sees of a Markdown text: its plain text and its section headings.</summary>
/// <param name="Text">The rendered text, one line per block, no markup.</param>
/// <param name="Headings">The text of each heading, in order.</param>
public sealed record WikiPageText(string Text, IReadOnlyList<string> Headings);
