using GatewayPortal.Wiki.Merge;

namespace GatewayPortal.Wiki.Tests.Merge;

public sealed class DiffPlexWikiMergerTests
{
    private readonly DiffPlexWikiMerger _merger = new();

    [Fact]
    public void Merge_ChangesToDifferentLines_CombinesBoth()
    {
        var result = _merger.Merge("제목\n본문\n\n담당: 총무과\n끝", "새 제목\n본문\n\n담당: 총무과\n끝", "제목\n본문\n\n담당: 정보통신과\n끝", TestContext.Current.CancellationToken);

        Assert.True(result.IsClean);
        Assert.Equal("새 제목\n본문\n\n담당: 정보통신과\n끝", result.MergedText);
    }

    [Fact]
    public void Merge_SameLineChangedDifferently_ReportsConflictWithAllThreeSides()
    {
        // Act
        var result = _merger.Merge("가\n나\n다", "가\n나(내 수정)\n다", "가\n나(남의 수정)\n다", TestContext.Current.CancellationToken);

        // Assert
        Assert.False(result.IsClean);
        Assert.Null(result.MergedText);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(["나"], conflict.BaseLines);
        Assert.Equal(["나(내 수정)"], conflict.MineLines);
        Assert.Equal(["나(남의 수정)"], conflict.TheirsLines);
        Assert.Equal((1, 1, 1), (conflict.BaseStart, conflict.MineStart, conflict.TheirsStart));
    }

    [Fact]
    public void Merge_IdenticalChangeOnBothSides_IsNotAConflict()
    {
        var result = _merger.Merge("가\n나\n다", "가\n나!\n다", "가\n나!\n다", TestContext.Current.CancellationToken);

        Assert.True(result.IsClean);
        Assert.Equal("가\n나!\n다", result.MergedText);
    }

    [Fact]
    public void Merge_DeleteVersusEditOfSameLine_Conflicts()
    {
        var result = _merger.Merge("가\n나\n다", "가\n다", "가\n나나\n다", TestContext.Current.CancellationToken);

        Assert.False(result.IsClean);
        Assert.Empty(Assert.Single(result.Conflicts).MineLines);
    }
}
