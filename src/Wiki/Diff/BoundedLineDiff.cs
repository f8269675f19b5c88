using DiffPlex;

namespace GatewayPortal.Wiki.Diff;

/// <summary>
/// A line diff whose cost is bounded on any input. Common head and tail are trimmed; a middle of at most
/// <c>maxCost</c> (old × new lines) goes to DiffPlex whole, as before. A larger middle is split at anchors, lines that occur exactly
/// once on each side, kept in order (the longest increasing run, as patience diff does), and each gap between anchors is
/// diffed the same way; a gap still larger than the budget is reported as replaced wholesale. Disjoint or reordered texts, where
/// DiffPlex's O((N+M)·D) takes seconds, so cost O(N log N).
/// </summary>
internal static class BoundedLineDiff
{
    /// <summary>The default budget: a 5,000 × 5,000-line middle (DiffPlex's worst such pair is timed in bench/RESULTS.md).</summary>
    public const long DefaultMaxCost = 25_000_000;

    /// <summary>The changed blocks, ascending, and whether any gap was replaced wholesale instead of diffed.</summary>
    public static (List<LineBlock> Blocks, bool Simplified) Compute(string[] oldLines, string[] newLines, long maxCost, CancellationToken cancellationToken)
    {
        var blocks = new List<LineBlock>();
        var simplified = Gap(oldLines, 0, oldLines.Length, newLines, 0, newLines.Length, maxCost, blocks, anchor: true, cancellationToken);
        return (blocks, simplified);
    }

    private static bool Gap(string[] a, int aStart, int aEnd, string[] b, int bStart, int bEnd, long maxCost, List<LineBlock> blocks, bool anchor, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (aStart < aEnd && bStart < bEnd && string.Equals(a[aStart], b[bStart], StringComparison.Ordinal))
        {
            (aStart, bStart) = (aStart + 1, bStart + 1);
        }

        while (aEnd > aStart && bEnd > bStart && string.Equals(a[aEnd - 1], b[bEnd - 1], StringComparison.Ordinal))
        {
            (aEnd, bEnd) = (aEnd - 1, bEnd - 1);
        }

        if (aStart == aEnd && bStart == bEnd)
        {
            return false;
        }

        if (aStart == aEnd || bStart == bEnd || (long)(aEnd - aStart) * (bEnd - bStart) <= maxCost)
        {
            var old = a[aStart..aEnd];
            var @new = b[bStart..bEnd];
            var result = Differ.Instance.CreateDiffs("old", "new", false, false, new FixedChunker(old, @new));
            blocks.AddRange(result.DiffBlocks.Select(d => new LineBlock(aStart + d.DeleteStartA, d.DeleteCountA, bStart + d.InsertStartB, d.InsertCountB)));
            return false;
        }

        var anchors = anchor ? Anchors(a, aStart, aEnd, b, bStart, bEnd, cancellationToken) : [];
        if (anchors.Count == 0)
        {
            blocks.Add(new LineBlock(aStart, aEnd - aStart, bStart, bEnd - bStart));
            return true;
        }

        var simplified = false;
        var (x, y) = (aStart, bStart);
        foreach (var (i, j) in anchors)
        {
            simplified |= Gap(a, x, i, b, y, j, maxCost, blocks, anchor: false, cancellationToken);
            (x, y) = (i + 1, j + 1);
        }

        return Gap(a, x, aEnd, b, y, bEnd, maxCost, blocks, anchor: false, cancellationToken) | simplified;
    }

    /// <summary>Pairs of lines unique on both sides, in the longest order both sides agree on.</summary>
    private static List<(int Old, int New)> Anchors(string[] a, int aStart, int aEnd, string[] b, int bStart, int bEnd, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (int Old, int OldIndex, int New, int NewIndex)>(StringComparer.Ordinal);
        for (var i = aStart; i < aEnd; i++)
        {
            var c = counts.GetValueOrDefault(a[i]);
            counts[a[i]] = (c.Old + 1, i, c.New, c.NewIndex);
        }

        for (var j = bStart; j < bEnd; j++)
        {
            if (counts.TryGetValue(b[j], out var c))
            {
                counts[b[j]] = (c.Old, c.OldIndex, c.New + 1, j);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var pairs = counts.Values.Where(c => c.Old == 1 && c.New == 1).Select(c => (c.OldIndex, c.NewIndex)).OrderBy(p => p.OldIndex).ToList();
        return LongestIncreasing(pairs);
    }

    /// <summary>The longest subsequence increasing in the new index (patience sorting, O(k log k)).</summary>
    private static List<(int Old, int New)> LongestIncreasing(List<(int Old, int New)> pairs)
    {
        var tails = new List<int>();
        var previous = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                (lo, hi) = pairs[tails[mid]].New < pairs[k].New ? (mid + 1, hi) : (lo, mid);
            }

            previous[k] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
            {
                tails.Add(k);
            }
            else
            {
                tails[lo] = k;
            }
        }

        var result = new List<(int, int)>(tails.Count);
        for (var k = tails.Count == 0 ? -1 : tails[^1]; k >= 0; k = previous[k])
        {
            result.Add(pairs[k]);
        }

        result.Reverse();
        return result;
    }

    /// <summary>Hands DiffPlex two line arrays already split.</summary>
    private sealed class FixedChunker(string[] old, string[] @new) : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => string.Equals(text, "old", StringComparison.Ordinal) ? old : @new;
    }
}
