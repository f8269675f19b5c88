namespace GatewayPortal.Wiki.Diff;

/// <summary>Compares two revisions' texts for the diff views.</summary>
public interface IWikiDiffService
{
    /// <summary>Diffs <paramref name="oldText"/> against <paramref name="newText"/> line by line, then word by word (syllable by syllable in Hangul).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the work ran.</exception>
    WikiDiff Compare(string oldText, string newText, WikiDiffOptions? options = null, CancellationToken cancellationToken = default);
}
