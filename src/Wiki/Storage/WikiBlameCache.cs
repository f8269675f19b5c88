namespace GatewayPortal.Wiki.Storage;

/// <summary>The serialised <see cref="Blame.BlameState"/> of one revision.</summary>
public sealed class WikiBlameCache
{
    /// <summary>The revision.</summary>
    public long RevisionId { get; set; }

    /// <summary>The output of <see cref="Blame.BlameState.Serialize"/>.</summary>
    public required byte[] State { get; set; }
}
