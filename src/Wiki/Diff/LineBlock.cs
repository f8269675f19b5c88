using DiffPlex;
using GatewayPortal.Wiki.Text;

namespace GatewayPortal.Wiki.Diff;

/// <summary>A changed stretch of lines: <c>OldCount</c> lines at <c>OldStart</c> replaced by <c>NewCount</c> at <c>NewStart</c> (0-based).</summary>
internal readonly record struct LineBlock(int OldStart, int OldCount, int NewStart, int NewCount)
{
    /// <summary>
    /// The changed blocks between two line arrays, ascending. When the differing middle is larger than
    /// <paramref name="maxCost"/> (old × new lines) it is returned as one block without running the diff.
    /// </summary>
    public static (IReadOnlyList<LineBlock> Blocks, bool Simplified) Compute(string oldText, string newText, string[] oldLines, string[] newLines, long maxCost)
    {
        var prefix = 0;
        while (prefix < oldLines.Length && prefix < newLines.Length && string.Equals(oldLines[prefix], newLines[prefix], StringComparison.Ordinal))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldLines.Length - prefix && suffix < newLines.Length - prefix
            && string.Equals(oldLines[^(suffix + 1)], newLines[^(suffix + 1)], StringComparison.Ordinal))
        {
            suffix++;
        }

        long oldMiddle = oldLines.Length - prefix - suffix;
        long newMiddle = newLines.Length - prefix - suffix;
        if (oldMiddle == 0 && newMiddle == 0)
        {
            return ([], false);
        }

        if (oldMiddle * newMiddle > maxCost)
        {
            return ([new LineBlock(prefix, (int)oldMiddle, prefix, (int)newMiddle)], true);
        }

        var result = Differ.Instance.CreateDiffs(oldText, newText, false, false, LineChunker.Instance);
        return ([.. result.DiffBlocks.Select(b => new LineBlock(b.DeleteStartA, b.DeleteCountA, b.InsertStartB, b.InsertCountB))], false);
    }
}
