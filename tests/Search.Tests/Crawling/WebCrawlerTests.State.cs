using GatewayPortal.Search.Crawling;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GatewayPortal.Search.Tests.Crawling;

/// <summary>What a crawl leaves in its state store, and pages that stop being indexable.</summary>
public sealed partial class WebCrawlerTests
{
    [Fact]
    public async Task CrawlAsync_ManyPages_SavesACheckpointEveryFewPagesAndClearsItAtTheEnd()
    {
        // Arrange
        var links = string.Concat(Enumerable.Range(1, 6).Select(n => $"<a href='/{n}.html'>{n}</a>"));
        _site.Html("/", Page("Home", "home", links));
        foreach (var n in Enumerable.Range(1, 6))
        {
            _site.Html($"/{n}.html", Page("Page " + n, "page " + n));
        }

        var store = new RecordingStateStore(_store);
        var site = Site() with { UseSitemaps = false, CheckpointEvery = 2, CheckpointInterval = TimeSpan.FromHours(1) };

        // Act
        var result = await new WebCrawler(_http, store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<WebCrawler>.Instance)
            .CrawlAsync(site, _sink, null, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(result.Completed);
        var saved = store.Checkpoints.Where(c => c is not null).ToList();
        Assert.Equal(3, saved.Count);
        Assert.Equal([2, 4, 6], saved.Select(c => c!.Visited.Count));
        Assert.Null(store.Checkpoints.Last());
    }

    [Fact]
    public async Task CrawlAsync_IndexedPage_HandsItsDocumentToTheStore()
    {
        // Arrange
        _site.Html("/", Page("Home", "home"));
        var store = new RecordingStateStore(_store);

        // Act
        await new WebCrawler(_http, store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<WebCrawler>.Instance)
            .CrawlAsync(Site(), _sink, null, TestContext.Current.CancellationToken);

        // Assert
        var saved = Assert.Single(store.Saved);
        Assert.Equal("Home", saved.Document?.Title);
        Assert.Equal(saved.DocumentId, saved.Document?.Id);
    }

    [Fact]
    public async Task CrawlAsync_PageNowAnswers410_IsRemovedFromIndexAndState()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/gone.html'>gone</a>"));
        _site.Html("/gone.html", Page("Gone soon", "gone soon"));
        await CrawlAsync();
        _site.Routes["/gone.html"] = context =>
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return Task.CompletedTask;
        };

        // Act
        var second = await CrawlAsync();

        // Assert
        Assert.Equal(1, second.Counts.Removed);
        Assert.Null(Document("/gone.html"));
        Assert.Null(await _store.GetPageAsync(Site().Key, _site.Url("/gone.html").AbsoluteUri, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CrawlAsync_Recrawl_SendsIfModifiedSinceAndCounts304AsUnchanged()
    {
        // Arrange
        var lastModified = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
        DateTimeOffset? askedSince = null;
        _site.Routes["/"] = async context =>
        {
            var since = context.Request.GetTypedHeaders().IfModifiedSince;
            askedSince ??= since;
            if (since >= lastModified)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = "text/html";
            context.Response.Headers[HeaderNames.LastModified] = lastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsync(Page("Home", "home"), context.RequestAborted);
        };
        await CrawlAsync();
        askedSince = null;

        // Act
        var second = await CrawlAsync();

        // Assert
        Assert.Equal(lastModified, askedSince);
        Assert.Equal(1, second.Counts.Unchanged);
        Assert.Equal(lastModified, Document("/")?.Date);
    }

    [Fact]
    public async Task CrawlAsync_PageNowNoindex_LeavesTheIndex()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/draft.html'>draft</a>"));
        _site.Html("/draft.html", Page("Draft", "draft"));
        await CrawlAsync();
        Assert.NotNull(Document("/draft.html"));
        _site.Html("/draft.html", "<html><head><title>Draft</title><meta name='robots' content='noindex'></head><body>changed</body></html>");

        // Act
        await CrawlAsync();

        // Assert
        Assert.Null(Document("/draft.html"));
        Assert.Null(await _store.GetPageAsync(Site().Key, _site.Url("/draft.html").AbsoluteUri, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CrawlAsync_PageNowDisallowedByRobots_LeavesTheIndex()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/staff/list.html'>staff</a>"));
        _site.Html("/staff/list.html", Page("Staff", "staff list"));
        await CrawlAsync();
        Assert.NotNull(Document("/staff/list.html"));
        _site.Html("/robots.txt", "User-agent: *\nDisallow: /staff/\n", "text/plain");
        _site.Requests.Clear();

        // Act
        await CrawlAsync();

        // Assert
        Assert.False(_site.WasRequested("/staff/list.html"));
        Assert.Null(Document("/staff/list.html"));
    }

    [Fact]
    public async Task CrawlAsync_CanonicalUrlChanged_OldDocumentLeavesTheIndex()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/news.html?id=7'>news</a>"));
        _site.Html("/news.html", "<html><head><title>News</title><link rel='canonical' href='/news/7-old'></head><body>news text</body></html>");
        await CrawlAsync();
        Assert.NotNull(Document("/news/7-old"));
        _site.Html("/news.html", "<html><head><title>News</title><link rel='canonical' href='/news/7'></head><body>news text, edited</body></html>");

        // Act
        await CrawlAsync();

        // Assert
        Assert.Null(Document("/news/7-old"));
        Assert.Equal("News", Document("/news/7")?.Title);
    }

    /// <summary>Passes every call to an in-memory store and records saved pages and checkpoints.</summary>
    private sealed class RecordingStateStore(ICrawlStateStore inner) : ICrawlStateStore
    {
        public System.Collections.Concurrent.ConcurrentQueue<CrawledPage> Saved { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<CrawlCheckpoint?> Checkpoints { get; } = new();

        public ValueTask<CrawledPage?> GetPageAsync(string site, string url, CancellationToken cancellationToken) =>
            inner.GetPageAsync(site, url, cancellationToken);

        public ValueTask<IReadOnlyList<CrawledPage>> GetPagesAsync(string site, CancellationToken cancellationToken) =>
            inner.GetPagesAsync(site, cancellationToken);

        public ValueTask<string?> FindIndexedUrlByHashAsync(string site, string contentHash, CancellationToken cancellationToken) =>
            inner.FindIndexedUrlByHashAsync(site, contentHash, cancellationToken);

        public ValueTask SavePageAsync(string site, CrawledPage page, CancellationToken cancellationToken)
        {
            Saved.Enqueue(page);
            return inner.SavePageAsync(site, page, cancellationToken);
        }

        public ValueTask RemovePageAsync(string site, string url, CancellationToken cancellationToken) =>
            inner.RemovePageAsync(site, url, cancellationToken);

        public ValueTask<CrawlCheckpoint?> GetCheckpointAsync(string site, CancellationToken cancellationToken) =>
            inner.GetCheckpointAsync(site, cancellationToken);

        public ValueTask SaveCheckpointAsync(string site, CrawlCheckpoint? checkpoint, CancellationToken cancellationToken)
        {
            Checkpoints.Enqueue(checkpoint);
            return inner.SaveCheckpointAsync(site, checkpoint, cancellationToken);
        }
    }
}
