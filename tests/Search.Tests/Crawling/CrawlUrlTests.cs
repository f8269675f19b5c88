using System.Text;
using GatewayPortal.Search.Crawling;

namespace GatewayPortal.Search.Tests.Crawling;

public sealed class CrawlUrlTests
{
    [Theory]
    [InlineData("HTTP://Intra.Example.COM", "http://intra.example.com/")] // host is case-insensitive
    [InlineData("http://intra.example:80/a/../b#part", "http://intra.example/b")] // default port, dot segments, fragment
    [InlineData("https://intra.example/p?q=1#top", "https://intra.example/p?q=1")] // the query is part of the page
    [InlineData("ftp://intra.example/file", null)] // http and https only
    [InlineData("mailto:someone@intra.example", null)]
    public void Normalize_Url_IsCanonicalOrNull(string url, string? expected)
    {
        // Act
        var normalized = CrawlUrl.Normalize(new Uri(url));

        // Assert
        Assert.Equal(expected, normalized?.AbsoluteUri);
    }

    [Theory]
    [InlineData("euc-kr", 949)] // EUC-KR labels decode as CP949, its superset (WHATWG Encoding)
    [InlineData("KS_C_5601-1987", 949)]
    [InlineData("UTF-8", 65001)]
    [InlineData("no-such-charset", null)]
    public void HtmlCharsetResolve_Label_MapsToCodePage(string label, int? codePage)
    {
        // Act
        var encoding = HtmlCharset.Resolve(label);

        // Assert
        Assert.Equal(codePage, encoding?.CodePage);
    }

    [Fact]
    public void HtmlCharsetDetect_MetaCharsetWithoutHeader_IsUsed()
    {
        // Arrange
        var html = Encoding.ASCII.GetBytes("<html><head><meta charset=\"euc-kr\"><title>t</title>");

        // Act
        var encoding = HtmlCharset.Detect(html, headerCharset: null);

        // Assert
        Assert.Equal(949, encoding.CodePage);
    }

    [Fact]
    public void DocumentIdAndNormalize_VeryLongUrls_FitWhatTheStateStoreKeeps()
    {
        // Arrange
        var long500 = new Uri("http://intra.example/search?q=" + new string('a', 470));
        var long3000 = new Uri("http://intra.example/search?q=" + new string('a', 3000));

        // Act
        var hashed = CrawlUrl.DocumentId(long500);
        var again = CrawlUrl.DocumentId(long500);
        var plain = CrawlUrl.DocumentId(new Uri("http://intra.example/a"));

        // Assert
        Assert.Equal("web:http://intra.example/a", plain);
        Assert.StartsWith("web:sha256:", hashed, StringComparison.Ordinal);
        Assert.True(hashed.Length <= CrawlUrl.MaxDocumentIdLength);
        Assert.Equal(hashed, again);
        Assert.Null(CrawlUrl.Normalize(long3000));
    }
}
