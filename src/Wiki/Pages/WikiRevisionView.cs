using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Pages;

/// <summary>One revision with its text (old versions, diff inputs).</summary>
public sealed record WikiRevisionView(WikiTitle Title, WikiRevisionInfo Revision, string Text);
