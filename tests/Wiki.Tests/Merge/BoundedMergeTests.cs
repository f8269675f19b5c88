using GatewayPortal.Wiki.Blame;
using GatewayPortal.Wiki.Diff;
using GatewayPortal.Wiki.Merge;

namespace GatewayPortal.Wiki.Tests.Merge;

/// <summary>Merge and blame of large texts that differ a lot stay bounded instead of running DiffPlex's O((N+M)·D) (issue #13).</summary>
public sealed class BoundedMergeTests
{
    private static string Lines(string prefix, int count) => string.Join('\n', Enumerable.Range(0, count).Select(i => prefix + i));

    [Fact]
    public void Merge_SixtyThousandLinesAllRewritten_IsOneWholeConflictKeepingEveryText()
    {
        // Arrange: mine rewrites every line of a 60,000-line base (40 s in DiffPlex before), theirs appends one
        var (baseText, mine, theirs) = (Lines("a", 60_000), Lines("b", 60_000), Lines("a", 60_000) + "\nx");

        // Act
        var result = new DiffPlexWikiMerger().Merge(baseText, mine, theirs, TestContext.Current.CancellationToken);

        // Assert
        var conflict = Assert.Single(result.Conflicts);
        Assert.False(result.IsClean);
        Assert.Equal(mine, string.Join('\n', conflict.MineLines));
        Assert.Equal(theirs, string.Join('\n', conflict.TheirsLines));
    }

    [Fact]
    public void Merge_SixtyThousandLinesEditedAtBothEnds_StillMergesCleanly()
    {
        // Arrange: a realistic concurrent edit of a very long page
        var baseText = Lines("줄 ", 60_000);
        var mine = "머리말\n" + baseText;
        var theirs = baseText + "\n맺음말";

        // Act
        var result = new DiffPlexWikiMerger().Merge(baseText, mine, theirs, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("머리말\n" + baseText + "\n맺음말", result.MergedText);
    }

    [Fact]
    public void Compute_FortyThousandDisjointLines_ReplacesWholesaleWithoutDiffing()
    {
        // Arrange
        var (old, @new) = (Lines("a", 40_000).Split('\n'), Lines("b", 40_000).Split('\n'));

        // Act
        var (blocks, simplified) = BoundedLineDiff.Compute(old, @new, BoundedLineDiff.DefaultMaxCost, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(simplified);
        Assert.Equal(new LineBlock(0, 40_000, 0, 40_000), Assert.Single(blocks));
    }

    [Fact]
    public void Advance_LargePageWithScatteredEdits_KeepsUnchangedLinesOrigins()
    {
        // Arrange: 40,000 lines, every 100th rewritten, one moved to the end: anchors split the diff into small gaps
        var old = Lines("줄 ", 40_000);
        var lines = old.Split('\n').Select((l, i) => i % 100 == 0 ? "새 " + l : l).ToList();
        lines.Add(lines[5]);
        lines.RemoveAt(5);
        var first = BlameEngine.Advance(BlameState.Empty, string.Empty, new BlameRevision(1, old), TestContext.Current.CancellationToken);

        // Act
        var second = BlameEngine.Advance(first, old, new BlameRevision(2, string.Join('\n', lines)), TestContext.Current.CancellationToken);

        // Assert: 400 rewritten lines and the moved one are credited to revision 2, the rest to revision 1
        Assert.Equal(40_000, second.Origins.Count);
        Assert.Equal(401, second.Origins.Count(o => o == 2));
    }
}
