namespace GatewayPortal.Search.Analysis;

/// <summary>One term produced by an analyzer, with its position and character offsets.</summary>
internal readonly record struct AnalyzedToken(string Term, int Position, int Start, int End);
