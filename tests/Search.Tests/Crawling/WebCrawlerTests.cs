using System.Text;
using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace GatewayPortal.Search.Tests.Crawling;

public sealed partial class WebCrawlerTests : IAsyncLifetime
{
    private readonly InMemoryCrawlStateStore _store = new();
    private readonly CollectingCrawlSink _sink = new();
    private readonly HttpClient _http = new(WebCrawler.CreateHandler()) { Timeout = TimeSpan.FromSeconds(20) };
    private TestWebSite _site = null!;

    static WebCrawlerTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async ValueTask InitializeAsync() => _site = await TestWebSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _site.DisposeAsync();
    }

    private CrawlSite Site() => new(_site.Url("/")) { PolitenessDelay = TimeSpan.Zero, MaxPageBytes = 64 * 1024 };

    private Task<CrawlResult> CrawlAsync(CrawlSite? site = null) =>
        new WebCrawler(_http, _store, TimeProvider.System, NullLogger<WebCrawler>.Instance)
            .CrawlAsync(site ?? Site(), _sink, null, TestContext.Current.CancellationToken);

    private SearchDocument? Document(string path) => _sink.Documents.GetValueOrDefault("web:" + _site.Url(path).AbsoluteUri);

    private static string Page(string title, string body, string links = "") =>
        $"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p>{links}</body></html>";

    [Fact]
    public async Task CrawlAsync_EucKrSite_DecodesKoreanFromHeaderAndMetaCharset()
    {
        // Arrange
        var eucKr = Encoding.GetEncoding("euc-kr");
        // "똠" is outside EUC-KR proper; sites labelled euc-kr serve it as CP949, as browsers expect.
        var cp949 = Encoding.GetEncoding(949);
        _site.Bytes("/", cp949.GetBytes(Page("행정포털 안내", "서울시 민원 서비스를 안내합니다. 똠방각하", "<a href='/meta.html'>다음</a>")), "text/html; charset=euc-kr");
        _site.Bytes("/meta.html", eucKr.GetBytes(
            "<html><head><meta http-equiv='Content-Type' content='text/html; charset=euc-kr'><title>복무 규정</title>"
            + "<meta name='description' content='휴가 신청 방법'></head><body><h2>연차</h2><p>연차 휴가는 포털에서 신청합니다.</p></body></html>"), "text/html");

        // Act
        var result = await CrawlAsync();

        // Assert
        Assert.Equal(2, result.Counts.Indexed);
        Assert.Equal("행정포털 안내", Document("/")!.Title);
        Assert.Contains("서울시 민원 서비스를 안내합니다. 똠방각하", Document("/")!.Body, StringComparison.Ordinal);
        var meta = Document("/meta.html")!;
        Assert.Equal("복무 규정", meta.Title);
        Assert.Contains("연차", meta.Headings);
        Assert.Contains("휴가 신청 방법", meta.Body, StringComparison.Ordinal);
        Assert.Contains("연차 휴가는 포털에서 신청합니다.", meta.Body, StringComparison.Ordinal);
        Assert.Equal(SearchSources.Web, meta.Source);
        Assert.Equal("127.0.0.1", meta.Site);
        Assert.Equal([SearchPrincipals.Everyone], meta.AllowedPrincipals);
    }

    [Fact]
    public async Task CrawlAsync_RobotsDisallow_IsHonouredWithLongestMatchAllow()
    {
        // Arrange
        _site.Html("/robots.txt", "User-agent: *\nDisallow: /private/\nAllow: /private/open.html\n", "text/plain");
        _site.Html("/", Page("Home", "home", "<a href='/private/secret.html'>s</a><a href='/private/open.html'>o</a>"));
        _site.Html("/private/secret.html", Page("Secret", "secret"));
        _site.Html("/private/open.html", Page("Open", "open"));

        // Act
        var result = await CrawlAsync();

        // Assert
        Assert.False(_site.WasRequested("/private/secret.html"));
        Assert.NotNull(Document("/private/open.html"));
        Assert.Null(Document("/private/secret.html"));
        Assert.Equal(1, result.Counts.Skipped);
    }

    [Fact]
    public async Task CrawlAsync_SitemapIndexFromRobots_CrawlsUnlinkedPages()
    {
        // Arrange
        _site.Html("/robots.txt", $"User-agent: *\nDisallow:\nSitemap: {_site.Url("/sitemap_index.xml")}\n", "text/plain");
        _site.Html("/sitemap_index.xml", $"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{_site.Url("/pages.xml")}</loc></sitemap></sitemapindex>""", "application/xml");
        _site.Html("/pages.xml", $"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{_site.Url("/orphan.html")}</loc></url></urlset>""", "application/xml");
        _site.Html("/sitemap.xml", $"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{_site.Url("/other.html")}</loc></url></urlset>""", "application/xml");
        _site.Html("/", Page("Home", "home"));
        _site.Html("/orphan.html", Page("Orphan", "only in the sitemap"));
        _site.Html("/other.html", Page("Other", "only in /sitemap.xml"));

        // Act
        await CrawlAsync();

        // Assert
        Assert.Equal("Orphan", Document("/orphan.html")?.Title);
        Assert.Equal("Other", Document("/other.html")?.Title);
    }

    [Fact]
    public async Task CrawlAsync_RedirectLoop_EndsAsOneError()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/loop-a'>loop</a><a href='/moved'>moved</a>"));
        _site.Redirect("/loop-a", "/loop-b");
        _site.Redirect("/loop-b", "/loop-a");
        _site.Redirect("/moved", "/target.html");
        _site.Html("/target.html", Page("Target", "target"));

        // Act
        var result = await CrawlAsync();

        // Assert
        Assert.True(result.Completed);
        Assert.Equal(1, result.Counts.Errors);
        Assert.Equal("Target", Document("/target.html")?.Title);
    }

    [Fact]
    public async Task CrawlAsync_HugePage_IsCutAtTheByteLimit()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/huge.html'>huge</a>"));
        _site.Routes["/huge.html"] = async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><head><title>Huge</title></head><body><p>START ", context.RequestAborted);
            var filler = string.Concat(Enumerable.Repeat("lorem ipsum ", 1000));
            try
            {
                for (var i = 0; i < 2000; i++)
                {
                    await context.Response.WriteAsync(filler, context.RequestAborted);
                }

                await context.Response.WriteAsync(" THE-END</p></body></html>", context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The crawler hung up after the byte limit, as it should.
            }
        };

        // Act
        await CrawlAsync();

        // Assert
        var huge = Document("/huge.html")!;
        Assert.Equal("Huge", huge.Title);
        Assert.StartsWith("START", huge.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("THE-END", huge.Body, StringComparison.Ordinal);
        Assert.True(huge.Body.Length <= 64 * 1024, $"body has {huge.Body.Length} chars");
    }

    [Fact]
    public async Task CrawlAsync_BinaryFiles_AreSkippedWithoutReadingTheBody()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/file.bin'>bin</a><a href='/logo.png'>png</a>"));
        var served = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _site.Routes["/file.bin"] = async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            var chunk = new byte[64 * 1024];
            var sentAll = false;
            try
            {
                // 256 MiB: far more than socket buffers hold, so finishing means the crawler read it.
                for (var i = 0; i < 4096; i++)
                {
                    context.RequestAborted.ThrowIfCancellationRequested();
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }

                // Kestrel may swallow writes once the client has hung up, and the abort signal can come after the
                // loop. A client that reads on is still waiting here for the body's last chunk (sent when this
                // handler returns), so only a client that hung up ends this wait early.
                await Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted);
                sentAll = true;
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
                // The crawler hung up after the headers.
            }
            finally
            {
                served.TrySetResult(sentAll);
            }
        };
        _site.Bytes("/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png");

        // Act
        var result = await CrawlAsync();
        var binarySent = await served.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Assert
        Assert.False(binarySent);
        Assert.Equal(3, result.Counts.Fetched);
        Assert.Equal(2, result.Counts.Skipped);
        Assert.Equal(1, result.Counts.Indexed);
        Assert.Single(_sink.Documents);
    }

    [Fact]
    public async Task CrawlAsync_Progress_ReportsCountersAndQueueLength()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/1.html'>1</a><a href='/2.html'>2</a>"));
        _site.Html("/1.html", Page("One", "one"));
        _site.Html("/2.html", Page("Two", "two"));
        var reports = new List<CrawlProgress>();
        var progress = new InlineProgress(reports.Add);

        // Act
        var result = await new WebCrawler(_http, _store, TimeProvider.System, NullLogger<WebCrawler>.Instance)
            .CrawlAsync(Site(), _sink, progress, TestContext.Current.CancellationToken);

        // Assert
        Assert.Contains(reports, r => r.QueueLength == 2 && r.Indexed == 1);
        Assert.Equal(result.Counts, reports[^1]);
        Assert.Equal(new CrawlProgress("127.0.0.1", 3, 3, 0, 0, 0, 0, 0), result.Counts);
    }

    private sealed class InlineProgress(Action<CrawlProgress> report) : IProgress<CrawlProgress>
    {
        public void Report(CrawlProgress value) => report(value);
    }

    [Fact]
    public async Task CrawlAsync_SameContentUnderTwoUrls_YieldsOneDocument()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/a.html'>a</a><a href='/a-copy.html?x=1#top'>copy</a>"));
        _site.Html("/a.html", Page("Same", "identical text"));
        _site.Html("/a-copy.html", Page("Same", "identical text"));

        // Act
        var result = await CrawlAsync();

        // Assert
        Assert.Equal(2, _sink.Documents.Count);
        Assert.Single(_sink.Documents.Values, d => d.Title == "Same");
        Assert.Equal(1, result.Counts.Skipped);
    }

    [Fact]
    public async Task CrawlAsync_CanonicalLink_BecomesTheDocumentUrl()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/print.html'>print</a>"));
        _site.Html("/print.html", $"<html><head><title>Print</title><link rel='canonical' href='/article.html'></head><body>text</body></html>");

        // Act
        await CrawlAsync();

        // Assert
        Assert.Equal(_site.Url("/article.html").AbsoluteUri, Document("/article.html")?.Url);
    }

    [Fact]
    public async Task CrawlAsync_LinksToOtherHosts_AreNotFollowed()
    {
        // Arrange
        await using var other = await TestWebSite.StartAsync();
        other.Html("/x.html", Page("Elsewhere", "elsewhere"));
        _site.Html("/", Page("Home", "home", $"<a href='{other.Url("/x.html")}'>x</a><a href='mailto:a@b.c'>m</a>"));

        // Act
        await CrawlAsync();

        // Assert
        Assert.Empty(other.Requests);
        Assert.Single(_sink.Documents);
    }

    [Fact]
    public async Task CrawlAsync_DepthLimit_StopsFollowingLinks()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/1.html'>1</a>"));
        _site.Html("/1.html", Page("One", "one", "<a href='/2.html'>2</a>"));
        _site.Html("/2.html", Page("Two", "two"));

        // Act
        var result = await CrawlAsync(Site() with { MaxDepth = 1 });

        // Assert
        Assert.False(_site.WasRequested("/2.html"));
        Assert.Equal(2, result.Counts.Indexed);
    }

    [Fact]
    public async Task CrawlAsync_PageLimit_StopsTheCrawl()
    {
        // Arrange
        _site.Html("/", Page("Home", "home", "<a href='/1.html'>1</a><a href='/2.html'>2</a><a href='/3.html'>3</a>"));
        foreach (var n in new[] { "1", "2", "3" })
        {
            _site.Html($"/{n}.html", Page("Page " + n, "page " + n));
        }

        // Act
        var result = await CrawlAsync(Site() with { MaxPages = 2 });

        // Assert
        Assert.Equal(2, result.Counts.Fetched);
        Assert.Equal(2, _sink.Documents.Count);
        Assert.True(result.Completed);
    }
}
