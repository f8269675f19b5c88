using System.Runtime.CompilerServices;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GatewayPortal.Search.Tests;

public sealed class SearchServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddPortalSearch_CalledTwice_RegistersOnceAndRebuildsEmptyIndexFromSources()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Search:InMemory"] = "true" })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPortalSearch(configuration).AddPortalSearch(configuration);
        services.AddPortalSearchSource<WikiSource>().AddPortalSearchSource<WikiSource>();
        await using var provider = services.BuildServiceProvider();

        // Act
        var rebuild = Assert.IsAssignableFrom<BackgroundService>(Assert.Single(provider.GetServices<IHostedService>()));
        await rebuild.StartAsync(ct);
        await rebuild.ExecuteTask!.WaitAsync(ct);

        // Assert
        Assert.Single(provider.GetServices<ISearchSource>());
        Assert.Same(provider.GetRequiredService<SearchIndex>(), provider.GetRequiredService<ISearchIndex>());
        Assert.False(provider.GetRequiredService<ISearchIndex>().NeedsRebuild);
        Assert.Equal(1, provider.GetRequiredService<ISearchService>().Search(new SearchRequest("안내", [])).TotalHits);
        await rebuild.StopAsync(ct);
    }

    private sealed class WikiSource : ISearchSource
    {
        public string Name => SearchSources.Wiki;

        public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return Docs.Make("w1", "이용 안내");
        }
    }
}
