namespace GatewayPortal.Wiki.Rendering;

/// <summary>One heading of a rendered page, for the table of contents.</summary>
/// <param name="Level">1 for <c>#</c>, up to 6.</param>
/// <param name="Text">The heading's plain text.</param>
/// <param name="Anchor">The element id (Unicode, e.g. <c>개요-및-목적</c>); link to it with <c>#</c> + anchor.</param>
public sealed record WikiHeading(int Level, string Text, string Anchor);
