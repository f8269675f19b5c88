using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Tests.Support;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Wiki.Tests.Storage;

public sealed class WikiDbLinkResolverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindExistingAsync_MoreTitlesThanSqliteAllowsVariables_AnswersInBatches()
    {
        // Arrange: SQLite refuses a statement with more than 32,766 parameters ("too many SQL variables")
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("있는 문서", "내용");
        await host.SaveAsync("다른 공간 문서", "내용", space: "hr");
        var titles = Enumerable.Range(0, 40_000).Select(i => new WikiTitle(i % 2 == 0 ? "" : "hr", $"없는 문서 {i}"))
            .Append(new WikiTitle("", "있는 문서")).Append(new WikiTitle("hr", "다른 공간 문서")).Append(new WikiTitle("hr", "있는 문서")).ToList();
        await using var scope = host.Scope();
        var resolver = scope.Services.GetRequiredService<IWikiLinkResolver>();

        // Act
        var existing = await resolver.FindExistingAsync(titles, Ct);

        // Assert
        Assert.Equal([new WikiTitle("", "있는 문서"), new WikiTitle("hr", "다른 공간 문서")], existing.OrderBy(t => t.Space, StringComparer.Ordinal));
    }
}
