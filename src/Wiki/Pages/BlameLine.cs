namespace GatewayPortal.Wiki.Pages;

/// <summary>One line of a blame view: its 1-based number, text and the revision that introduced it.</summary>
public sealed record BlameLine(int LineNumber, string Text, long RevisionId);
