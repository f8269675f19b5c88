using System.Text.Json;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Tests.Crawling;

/// <summary>The stored form of a crawled page's document, read by other nodes and by index rebuilds.</summary>
public sealed class CrawledDocumentJsonTests
{
    [Fact]
    public void SerializeThenDeserialize_FullDocument_RoundTripsEveryField()
    {
        // Arrange
        var document = new SearchDocument
        {
            Id = "web:http://intra.example/recruit?id=7",
            Source = SearchSources.Web,
            Site = "intra.example",
            Title = "청원경찰 채용 공고",
            Headings = ["모집 분야", "제출 서류"],
            Body = "청원경찰을 공개 채용합니다.\n\"따옴표\" <태그> & 기호",
            Url = "http://intra.example/recruit?id=7",
            Breadcrumb = "intra.example/recruit",
            Date = new DateTimeOffset(2026, 11, 2, 9, 30, 15, TimeSpan.FromHours(9)),
            Language = "ko",
            AllowedPrincipals = [SearchPrincipals.Group("role-hr"), SearchPrincipals.Group("role finance")],
        };

        // Act
        var json = CrawledDocumentJson.Serialize(document);
        var read = CrawledDocumentJson.Deserialize(json);

        // Assert
        Assert.Equal(document.Id, read.Id);
        Assert.Equal(document.Source, read.Source);
        Assert.Equal(document.Site, read.Site);
        Assert.Equal(document.Title, read.Title);
        Assert.Equal(document.Headings, read.Headings);
        Assert.Equal(document.Body, read.Body);
        Assert.Equal(document.Url, read.Url);
        Assert.Equal(document.Breadcrumb, read.Breadcrumb);
        Assert.Equal(document.Date, read.Date);
        Assert.Equal(document.Language, read.Language);
        Assert.Equal(document.AllowedPrincipals, read.AllowedPrincipals);
        Assert.Contains("청원경찰", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeThenDeserialize_MinimalDocument_KeepsNullsAndEmptyLists()
    {
        // Arrange
        var document = new SearchDocument { Id = "web:http://a/", Source = SearchSources.Web, Title = "A", Url = "http://a/", AllowedPrincipals = [] };

        // Act
        var read = CrawledDocumentJson.Deserialize(CrawledDocumentJson.Serialize(document));

        // Assert
        Assert.Null(read.Site);
        Assert.Null(read.Date);
        Assert.Empty(read.Headings);
        Assert.Empty(read.AllowedPrincipals);
        Assert.Equal("", read.Body);
    }

    [Theory]
    [InlineData("null")] // no document at all
    [InlineData("{\"source\":\"web\",\"title\":\"t\",\"url\":\"u\",\"allowedPrincipals\":[]}")] // no id
    [InlineData("{\"id\":\"web:x\",\"source\":\"web\",\"title\":\"t\",\"url\":\"u\",\"allowedPrincipals\":null}")] // principals must be a list
    [InlineData("{\"id\":")] // cut off
    public void Deserialize_IncompleteJson_Throws(string json)
    {
        // Act and Assert
        Assert.ThrowsAny<JsonException>(() => CrawledDocumentJson.Deserialize(json));
    }
}
