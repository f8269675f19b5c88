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
        var result = ThreeWayDiffer.Instance.CreateMerge(baseText, mine, theirs, false, false, LineChunker.Instance);
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
