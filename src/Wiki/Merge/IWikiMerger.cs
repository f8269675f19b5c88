namespace GatewayPortal.Wiki.Merge;

/// <summary>Three-way line merge of concurrent edits.</summary>
public interface IWikiMerger
{
    /// <summary>
    /// Merges the edits from <paramref name="baseText"/> to <paramref name="mine"/> and to <paramref name="theirs"/>.
    /// Changes to different lines combine; the same change on both sides is taken once; different changes to the same lines conflict.
    /// Texts too large and different to merge within a bounded cost are one whole-text conflict (the author keeps their text).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the work ran.</exception>
    MergeResult Merge(string baseText, string mine, string theirs, CancellationToken cancellationToken = default);
}
