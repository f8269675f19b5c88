using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static GatewayPortal.Wiki.Tests.Rendering.PathologicalPages;

namespace GatewayPortal.Wiki.Tests.Pages;

public sealed class WikiEditorLimitsTests
{
    [Fact]
    public async Task SaveAsync_PageOverContentLimit_IsRefusedNamingTheLimitAndWritesNothing()
    {
        // Arrange: 100,000 unclosed <b> tags (29 s per view before the limit)
        await using var host = await WikiTestHost.CreateAsync();
        await using var scope = host.Scope();
        var request = new WikiSaveRequest("", "굵게", Repeat("<b>", 100_000), "요약", false, null);

        // Act
        var result = await scope.Editor.SaveAsync(request, WikiTestHost.Alice, TestContext.Current.CancellationToken);

        // Assert
        var refused = Assert.IsType<WikiSaveResult.OverLimit>(result);
        Assert.Equal(new WikiContentViolation(WikiContentLimit.HtmlNesting, 100_000, WikiContentLimits.MaxHtmlNesting), refused.Violation);
        Assert.Equal(0, await scope.Db.WikiRevisions.CountAsync(TestContext.Current.CancellationToken));
    }
}
