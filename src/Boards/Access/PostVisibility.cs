namespace GatewayPortal.Boards.Access;

/// <summary>What decides whether a post is visible: its author, dates (UTC) and audience groups (normalised).</summary>
/// <param name="AuthorSubject">The author's subject id.</param>
/// <param name="PublishAt">Hidden before this time.</param>
/// <param name="ExpiresAt">Hidden from this time on.</param>
/// <param name="Audience">Audience groups; empty: everyone who may read the board.</param>
public sealed record PostVisibility(string AuthorSubject, DateTime PublishAt, DateTime? ExpiresAt, IReadOnlyList<string> Audience);
