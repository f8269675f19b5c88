using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Tests.Crawling;

/// <summary>Issue 16: the shown address of a crawled page dropped its port (http://intranet:8080/x shown as intranet/x).</summary>
public sealed class CrawlAddressTests
{
    [Theory]
    [InlineData("http://intranet:8080/x", "intranet:8080/x")]
    [InlineData("https://intra.example:8443/board/list?id=3", "intra.example:8443/board/list")]
    [InlineData("http://intranet/x", "intranet/x")] // the scheme's own port is not shown
    [InlineData("https://intra.example:443/a", "intra.example/a")]
    [InlineData("http://127.0.0.1:5080/", "127.0.0.1:5080/")]
    public void Display_Url_KeepsAPortThatIsNotTheDefault(string url, string expected)
    {
        Assert.Equal(expected, CrawlAddress.Display(new Uri(url)));
    }

    [Fact]
    public void Deserialize_DocumentStoredWithoutPort_ShowsTheAddressWithItsPort()
    {
        // Arrange: a row written before the fix.
        var stored = new SearchDocument
        {
            Id = "web:http://intranet:8080/x",
            Source = SearchSources.Web,
            Title = "안내",
            Url = "http://intranet:8080/x",
            Breadcrumb = "intranet/x",
            AllowedPrincipals = [SearchPrincipals.Everyone],
        };

        // Act
        var read = CrawledDocumentJson.Deserialize(CrawledDocumentJson.Serialize(stored));

        // Assert
        Assert.Equal("intranet:8080/x", read.Breadcrumb);
    }
}
