using GatewayPortal.Wiki.Blame;

namespace GatewayPortal.Wiki.Tests.Blame;

public sealed class BlameEngineTests
{
    [Fact]
    public void ComputeChain_Edits_AttributeEachLineToTheRevisionThatWroteIt()
    {
        // Arrange
        BlameRevision[] chain =
        [
            new(1, "제목\n첫 문단"),
            new(2, "제목\n첫 문단\n둘째 문단"),
            new(3, "새 제목\n첫 문단\n둘째 문단"),
            new(4, "새 제목\n둘째 문단"),
        ];

        // Act
        var states = BlameEngine.ComputeChain(chain, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([1L, 1L], states[1].Origins.Take(2));
        Assert.Equal([3L, 1L, 2L], states[2].Origins);
        Assert.Equal([3L, 2L], states[3].Origins);
    }

    [Fact]
    public void ComputeChain_RevertToEarlierText_RestoresOriginalAttribution()
    {
        // Arrange: r2 vandalises, r3 restores r1's text exactly
        BlameRevision[] chain = [new(1, "가\n나\n다"), new(2, "스팸"), new(3, "가\n나\n다")];

        // Act
        var states = BlameEngine.ComputeChain(chain, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([2L], states[1].Origins);
        Assert.Equal([1L, 1L, 1L], states[2].Origins);
    }

    [Fact]
    public void Advance_FromCachedState_EqualsColdComputation()
    {
        // Arrange
        var chain = Enumerable.Range(1, 40)
            .Select(i => new BlameRevision(i, string.Join('\n', Enumerable.Range(0, i).Select(j => j % 7 == 0 ? $"줄 {j} 수정 {i}" : $"줄 {j}"))))
            .ToList();
        var cold = BlameEngine.ComputeChain(chain, TestContext.Current.CancellationToken);

        // Act: round-trip the state of r39 through the cache format, then one step
        var cached = BlameState.Deserialize(cold[38].Serialize());
        var next = BlameEngine.Advance(cached, chain[38].Text, chain[39], TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(cold[39].Origins, next.Origins);
    }

    [Fact]
    public void Advance_StateNotMatchingText_Throws()
    {
        var state = BlameState.FromOrigins([1, 1]);

        Assert.Throws<InvalidOperationException>(() => BlameEngine.Advance(state, "한 줄", new BlameRevision(2, "a"), TestContext.Current.CancellationToken));
    }
}
