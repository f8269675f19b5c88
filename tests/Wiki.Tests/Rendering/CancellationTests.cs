using GatewayPortal.Wiki.Blame;
using GatewayPortal.Wiki.Merge;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.Options;
using static GatewayPortal.Wiki.Tests.Rendering.PathologicalPages;

namespace GatewayPortal.Wiki.Tests.Rendering;

/// <summary>A request that has gone away stops the CPU work of render, blame and merge (issue #13).</summary>
public sealed class CancellationTests
{
    private static CancellationToken Cancelled => new(canceled: true);

    [Fact]
    public async Task RenderAsync_CancelledToken_ThrowsBeforeRendering()
    {
        // Arrange: no wiki links, so the link resolver (the only awaited call) is never reached
        var renderer = new MarkdigWikiRenderer(new FakeLinkResolver(), Options.Create(new WikiOptions()));

        // Act + Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renderer.RenderAsync(LongManual().Replace("[[", "[", StringComparison.Ordinal), WikiTitle.MainSpace, Cancelled));
    }

    [Fact]
    public void ComputeChain_CancelledToken_Throws()
    {
        // Arrange
        var chain = Enumerable.Range(1, 50).Select(i => new BlameRevision(i, string.Join('\n', Enumerable.Range(0, 1_000).Select(l => $"{i}:{l}")))).ToList();

        // Act + Assert
        Assert.ThrowsAny<OperationCanceledException>(() => BlameEngine.ComputeChain(chain, Cancelled));
    }

    [Fact]
    public void Merge_CancelledToken_Throws()
    {
        // Arrange
        var baseText = string.Join('\n', Enumerable.Range(0, 5_000).Select(l => $"줄 {l}"));

        // Act + Assert
        Assert.ThrowsAny<OperationCanceledException>(() => new DiffPlexWikiMerger().Merge(baseText, baseText + "\n내 줄", "남의 줄\n" + baseText, Cancelled));
    }
}
