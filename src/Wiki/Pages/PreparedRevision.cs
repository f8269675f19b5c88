using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Pages;

/// <summary>
/// A revision's text with everything derived from it (size, hash, link targets, the first content limit exceeded), computed
/// before the write transaction.
/// </summary>
internal sealed record PreparedRevision(string Text, int Size, string ContentHash, IReadOnlySet<WikiTitle> Links, WikiContentViolation? Violation);
