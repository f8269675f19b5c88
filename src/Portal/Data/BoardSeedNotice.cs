namespace GatewayPortal.Portal.Data;

/// <summary>A demo notice.</summary>
/// <param name="Board">The board key.</param>
/// <param name="Title">The title (a notice with this title on the board is left alone).</param>
/// <param name="Category">The category.</param>
/// <param name="Body">The Markdown body.</param>
/// <param name="PinnedDays">Pinned for this many days from seeding, or 0.</param>
/// <param name="AttachmentName">A generated text attachment's name, or null.</param>
internal sealed record BoardSeedNotice(string Board, string Title, string? Category, string Body, int PinnedDays = 0, string? AttachmentName = null);
