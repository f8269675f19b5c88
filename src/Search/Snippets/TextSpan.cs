namespace GatewayPortal.Search.Snippets;

/// <summary>A half-open character range [Start, End) of the body.</summary>
internal readonly record struct TextSpan(int Start, int End);
