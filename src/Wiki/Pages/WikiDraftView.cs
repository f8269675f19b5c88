using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Pages;

/// <summary>A user's saved draft.</summary>
public sealed record WikiDraftView(WikiTitle Title, string Text, long? BaseRevisionId, DateTimeOffset UpdatedAt);
