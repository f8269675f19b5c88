namespace GatewayPortal.Search.Suggestions;

/// <summary>A search-as-you-type lookup.</summary>
/// <param name="Prefix">What the user has typed so far; every word is matched as a word prefix.</param>
/// <param name="Principals">The user's principals; <c>everyone</c> is always added.</param>
public sealed record SuggestRequest(string Prefix, IReadOnlyCollection<string> Principals)
{
    /// <summary>Most suggestions returned (1 to 20).</summary>
    public int Limit { get; init; } = 8;

    /// <summary>Restricts suggestions to one source (e.g. people only).</summary>
    public string? Source { get; init; }
}
