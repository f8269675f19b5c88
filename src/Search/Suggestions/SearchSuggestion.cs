namespace GatewayPortal.Search.Suggestions;

/// <summary>One suggestion: a title or a person's name the user may open.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Source">Source name.</param>
/// <param name="Title">Title or name.</param>
/// <param name="Url">Link target.</param>
public sealed record SearchSuggestion(string Id, string Source, string Title, string Url);
