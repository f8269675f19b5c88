using GatewayPortal.Search.Crawling;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace GatewayPortal.Search.Tests.Crawling;

/// <summary>Second crawls: conditional GET, removals, checkpoints and cancellation.</summary>
public sealed partial class WebCrawlerTests
{
    [Fact]
    public async Task CrawlAsync_Recrawl_SendsIfNoneMatchAndCounts304AsUnchanged()
    {
        // Arrange
        _site.Routes["/"] = async context =>
        {
            if (context.Request.Headers.IfNoneMatch.ToString() == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = "text/html";
            context.Response.Headers.ETag = "\"v1\"";
            await context.Response.WriteAsync(Page("Home", "home"), context.RequestAborted);
        };
        await CrawlAsync();

        // Act
        var second = await CrawlAsync();

        // Assert
        Assert.Contains(_site.Requests, r => r.Path == "/" && r.IfNoneMatch == "\"v1\"");
        Assert.Equal(1, second.Counts.Unchanged);
        Assert.Equal(0, second.Counts.Indexed);
    }

    [Fact]
    public async Task CrawlAsync_PageNowAnswers404_IsReportedRemoved()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/old.html'>old</a>"));
        _site.Html("/old.html", Page("Old", "old"));
        await CrawlAsync();
        var oldId = "web:" + _site.Url("/old.html").AbsoluteUri;
        Assert.Contains(oldId, _sink.Documents.Keys);
        _site.Routes.TryRemove("/old.html", out _);
        _site.Html("/", Page("Home", "home, no links now"));

        // Act
        var second = await CrawlAsync();

        // Assert
        Assert.Equal(1, second.Counts.Removed);
        Assert.Equal([oldId], _sink.Removed);
    }

    [Fact]
    public async Task CrawlAsync_WithCheckpoint_ResumesFromPendingQueue()
    {
        // Arrange
        _site.Html("/", Page("Home", "home"));
        _site.Html("/next.html", Page("Next", "next"));
        var site = Site() with { UseSitemaps = false };
        await _store.SaveCheckpointAsync(site.Key, new CrawlCheckpoint(
            [new CrawlQueueItem(_site.Url("/next.html").AbsoluteUri, 1)], [_site.Url("/").AbsoluteUri],
            new CrawlProgress(site.Key, 1, 1, 0, 0, 0, 0, 1)), TestContext.Current.CancellationToken);

        // Act
        var result = await CrawlAsync(site);

        // Assert
        Assert.False(_site.WasRequested("/"));
        Assert.NotNull(Document("/next.html"));
        Assert.Equal(2, result.Counts.Indexed);
        Assert.Null(await _store.GetCheckpointAsync(site.Key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CrawlAsync_CancelledThenRestarted_ContinuesWhereItStopped()
    {
        // Arrange
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _site.Html("/", Page("Home", "home", "<a href='/stop.html'>stop</a>"));
        _site.Routes["/stop.html"] = async context =>
        {
            await cancellation.CancelAsync();
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Page("Stop", "stop"), context.RequestAborted);
        };
        var crawler = new WebCrawler(_http, _store, TimeProvider.System, NullLogger<WebCrawler>.Instance);
        var first = await crawler.CrawlAsync(Site(), _sink, null, cancellation.Token);

        // Act
        var second = await CrawlAsync();

        // Assert
        Assert.False(first.Completed);
        Assert.True(second.Completed);
        Assert.Single(_site.Requests, r => r.Path == "/");
        Assert.Equal("Stop", Document("/stop.html")?.Title);
    }

    [Fact]
    public async Task CrawlAsync_RecrawlWithoutValidators_SameTextIsUnchanged()
    {
        // Arrange
        _site.Html("/", Page("Home", "home"));
        await CrawlAsync();

        // Act
        var second = await CrawlAsync();

        // Assert
        Assert.Equal(1, second.Counts.Unchanged);
        Assert.Equal(0, second.Counts.Indexed);
    }
}
