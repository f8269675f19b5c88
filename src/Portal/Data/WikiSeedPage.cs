namespace GatewayPortal.Portal.Data;

/// <summary>One demo page of the seed file: its title and its revisions, oldest first.</summary>
public sealed record WikiSeedPage(string Title, IReadOnlyList<WikiSeedRevision> Revisions);

/// <summary>One revision of a demo page, written as the demo account <paramref name="Author"/> (a uid).</summary>
public sealed record WikiSeedRevision(string Author, string Summary, string Text, bool Minor = false);
