using GatewayPortal.Wiki.Text;

namespace GatewayPortal.Wiki.Diff;

/// <summary>
/// <see cref="IWikiDiffService"/> over DiffPlex: a line diff whose changed blocks pair old and new lines in order; paired lines
/// get Hangul-aware word highlighting while the word-diff budget lasts. Stateless and thread-safe.
/// </summary>
public sealed class DiffPlexWikiDiffService : IWikiDiffService
{
    /// <inheritdoc/>
    public WikiDiff Compare(string oldText, string newText, WikiDiffOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        options ??= WikiDiffOptions.Default;
        var oldLines = WikiText.SplitLines(oldText);
        var newLines = WikiText.SplitLines(newText);
        var (blocks, simplified) = BoundedLineDiff.Compute(oldLines, newLines, options.MaxLineDiffCost, cancellationToken);

        var rows = new List<DiffRow>(Math.Max(oldLines.Length, newLines.Length));
        var budget = options.MaxWordDiffCost;
        var wordLevelSkipped = false;
        int a = 0, b = 0, added = 0, removed = 0;
        foreach (var block in blocks.Append(new LineBlock(oldLines.Length, 0, newLines.Length, 0)))
        {
            for (; a < block.OldStart; a++, b++)
            {
                rows.Add(new DiffRow(DiffRowKind.Context, Whole(a, oldLines, false), Whole(b, newLines, false)));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var paired = Math.Min(block.OldCount, block.NewCount);
            for (var k = 0; k < paired; k++, a++, b++)
            {
                var cost = (long)oldLines[a].Length * newLines[b].Length;
                var withinBudget = !simplified && cost <= budget;
                wordLevelSkipped |= !withinBudget;
                budget -= withinBudget ? cost : 0;
                rows.Add(withinBudget ? Modified(a, b, oldLines, newLines) : new DiffRow(DiffRowKind.Modified, Whole(a, oldLines, true), Whole(b, newLines, true)));
            }

            for (; a < block.OldStart + block.OldCount; a++)
            {
                rows.Add(new DiffRow(DiffRowKind.Deleted, Whole(a, oldLines, true), null));
            }

            for (; b < block.NewStart + block.NewCount; b++)
            {
                rows.Add(new DiffRow(DiffRowKind.Inserted, null, Whole(b, newLines, true)));
            }

            added += block.NewCount;
            removed += block.OldCount;
        }

        var shown = options.ContextLines is { } context ? ContextCollapser.Collapse(rows, context) : rows;
        return new WikiDiff(shown, added, removed, wordLevelSkipped, simplified);
    }

    private static DiffRow Modified(int a, int b, string[] oldLines, string[] newLines)
    {
        var (oldSegments, newSegments) = WordDiff.Compare(oldLines[a], newLines[b]);
        return new DiffRow(DiffRowKind.Modified, new DiffSide(a + 1, oldSegments), new DiffSide(b + 1, newSegments));
    }

    private static DiffSide Whole(int index, string[] lines, bool changed) => new(index + 1, [new DiffSegment(lines[index], changed)]);
}
