namespace GatewayPortal.Search.Querying;

/// <summary>One word or quoted phrase of the user's query.</summary>
/// <param name="Text">The text as typed (without quotes or the leading minus).</param>
/// <param name="IsPhrase">True for "quoted text".</param>
/// <param name="Excluded">True when prefixed with '-'.</param>
public sealed record QueryClause(string Text, bool IsPhrase, bool Excluded);
