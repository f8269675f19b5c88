using DiffPlex;
using GatewayPortal.Wiki.Text;

namespace GatewayPortal.Wiki.Merge;

/// <summary>
/// <see cref="IWikiMerger"/> over DiffPlex's <see cref="ThreeWayDiffer"/>. Edits on neighbouring (not overlapping) lines merge
/// cleanly. Stateless and thread-safe.
/// </summary>
public sealed class DiffPlexWikiMerger : IWikiMerger
{
    /// <inheritdoc/>
    public MergeResult Merge(string baseText, string mine, string theirs)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        DiffPlex.Model.ThreeWayMergeResult result;
        try
        {
            result = ThreeWayDiffer.Instance.CreateMerge(baseText, mine, theirs, false, false, LineChunker.Instance);
        }
        catch (ArgumentOutOfRangeException)
        {
            // DiffPlex 1.9 throws on some overlapping edits (50 concurrent editors hit it, issue #7). Guessing a merge
            // could lose words: the whole text is one conflict, so the author gets it back rather than an error page.
            return new MergeResult(null, [new MergeConflict(0, 0, WikiText.SplitLines(baseText), 0, WikiText.SplitLines(mine), 0, WikiText.SplitLines(theirs))]);
        }

        if (result.IsSuccessful)
        {
            return new MergeResult(string.Join('\n', result.MergedPieces), []);
        }

        var conflicts = result.ConflictBlocks
            .Select(c => new MergeConflict(
                c.MergedStart,
                c.OriginalBlock.BaseStart,
                [.. c.BasePieces],
                c.OriginalBlock.OldStart,
                [.. c.OldPieces],
                c.OriginalBlock.NewStart,
                [.. c.NewPieces]))
            .ToList();
        return new MergeResult(null, conflicts);
    }
}
