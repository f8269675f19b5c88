namespace GatewayPortal.Wiki.Pages;

/// <summary>An edit submitted from the editor.</summary>
/// <param name="Space">The space key ("" for main); a <c>Space:</c> prefix in <paramref name="Title"/> wins.</param>
/// <param name="Title">The raw title.</param>
/// <param name="Text">The Markdown text as typed.</param>
/// <param name="Summary">The edit summary.</param>
/// <param name="IsMinor">A minor edit.</param>
/// <param name="BaseRevisionId">The revision the editor was opened on; null when creating. Used as the merge base.</param>
public sealed record WikiSaveRequest(string Space, string Title, string Text, string Summary, bool IsMinor, long? BaseRevisionId);
