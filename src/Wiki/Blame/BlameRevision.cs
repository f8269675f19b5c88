namespace GatewayPortal.Wiki.Blame;

/// <summary>One revision in a page's chain, as blame needs it.</summary>
public sealed record BlameRevision(long Id, string Text);
