using DiffPlex;
using GatewayPortal.Wiki.Diff;
using GatewayPortal.Wiki.Text;

namespace GatewayPortal.Wiki.Merge;

/// <summary>
/// <see cref="IWikiMerger"/> over DiffPlex's <see cref="ThreeWayDiffer"/>. Edits on neighbouring (not overlapping) lines merge
/// cleanly. DiffPlex's diff costs O((N+M)·D), seconds on large texts that differ a lot, and cannot be cancelled: each side's edit
/// size D is first measured with the bounded <see cref="BoundedLineDiff"/>, and a merge that would cost more than
/// <see cref="MaxMergeCost"/> is one whole-text conflict instead. Stateless and thread-safe.
/// </summary>
public sealed class DiffPlexWikiMerger : IWikiMerger
{
    /// <summary>The largest (lines of base + side) × changed lines of a side that DiffPlex is asked to merge (its time at this bound is in bench/RESULTS.md).</summary>
    public const long MaxMergeCost = 1_000_000_000;

    /// <inheritdoc/>
    public MergeResult Merge(string baseText, string mine, string theirs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        var baseLines = WikiText.SplitLines(baseText);
        if (Cost(baseLines, mine, cancellationToken) > MaxMergeCost || Cost(baseLines, theirs, cancellationToken) > MaxMergeCost)
        {
            return WholeConflict(baseText, mine, theirs);
        }

        cancellationToken.ThrowIfCancellationRequested();
        DiffPlex.Model.ThreeWayMergeResult result;
        try
        {
            result = ThreeWayDiffer.Instance.CreateMerge(baseText, mine, theirs, false, false, LineChunker.Instance);
        }
        catch (ArgumentOutOfRangeException)
        {
            // DiffPlex 1.9 throws on some overlapping edits (50 concurrent editors hit it, issue #7). Guessing a merge
            // could lose words: the whole text is one conflict, so the author gets it back rather than an error page.
            return WholeConflict(baseText, mine, theirs);
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

    /// <summary>An upper bound of DiffPlex's work for one side: (N + M) × the edit size found by the bounded diff.</summary>
    private static long Cost(string[] baseLines, string side, CancellationToken cancellationToken)
    {
        var sideLines = WikiText.SplitLines(side);
        var (blocks, _) = BoundedLineDiff.Compute(baseLines, sideLines, BoundedLineDiff.DefaultMaxCost, cancellationToken);
        var edits = blocks.Sum(b => (long)b.OldCount + b.NewCount);
        return (baseLines.Length + (long)sideLines.Length) * edits;
    }

    private static MergeResult WholeConflict(string baseText, string mine, string theirs) =>
        new(null, [new MergeConflict(0, 0, WikiText.SplitLines(baseText), 0, WikiText.SplitLines(mine), 0, WikiText.SplitLines(theirs))]);
}
