namespace GatewayPortal.Wiki.Merge;

/// <summary>Three-way line merge of concurrent edits.</summary>
public interface IWikiMerger
{
    /// <summary>
    /// Merges the edits from <paramref name="baseText"/> to <paramref name="mine"/> and to <paramref name="theirs"/>.
    /// Changes to different lines combine; the same change on both sides is taken once; different changes to the same lines conflict.
    /// </summary>
    MergeResult Merge(string baseText, string mine, string theirs);
}
