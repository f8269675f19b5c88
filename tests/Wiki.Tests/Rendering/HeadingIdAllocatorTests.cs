using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Tests.Rendering;

public sealed class HeadingIdAllocatorTests
{
    [Fact]
    public void Allocate_TwentyThousandEqualHeadings_TriesLinearlyManyIds()
    {
        // Arrange: Markdig's auto-identifiers try same-1 … same-(k-1) for the k-th repeat, 2×10⁸ tries here (19 s per render)
        var allocator = new HeadingIdAllocator();

        // Act
        var ids = Enumerable.Range(0, 20_000).Select(_ => allocator.Allocate("same")).ToList();

        // Assert
        Assert.Equal(["same", "same-1", "same-2"], ids.Take(3));
        Assert.Equal(20_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(allocator.Probes <= 2 * 20_000, $"{allocator.Probes} probes");
    }

    [Fact]
    public async Task RenderAsync_RepeatedAndCollidingHeadings_GetMarkdigsGitHubIds()
    {
        // Arrange: repeats, a literal "a-1" taking a suffix, Hangul, markup and an empty heading
        const string markdown = "# a\n## a\n## a-1\n## a\n## 개요 및 목적\n## **굵게** `코드`\n##\n## 개요 및 목적\n설정\n---\n";
        var expected = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).Build())
            .Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).ToList();
        var renderer = new MarkdigWikiRenderer(new FakeLinkResolver(), Options.Create(new WikiOptions()));

        // Act
        var page = await renderer.RenderAsync(markdown, WikiTitle.MainSpace, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(expected, page.Headings.Select(h => h.Anchor));
    }
}
