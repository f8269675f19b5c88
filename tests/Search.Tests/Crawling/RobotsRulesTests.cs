using GatewayPortal.Search.Crawling;

namespace GatewayPortal.Search.Tests.Crawling;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        User-agent: *
        Disallow: /
        Crawl-delay: 1

        User-agent: GatewayPortalBot
        Disallow: /admin/
        Allow: /admin/public/
        Disallow: /*.pdf$
        Crawl-delay: 3
        Sitemap: https://intra.example/sitemap.xml
        """;

    [Theory]
    [InlineData("/", true)] // our own group replaces '*'
    [InlineData("/admin/users", false)]
    [InlineData("/admin/public/help", true)] // longest match wins (RFC 9309 2.2.2)
    [InlineData("/files/report.pdf", false)] // '$' anchors the end
    [InlineData("/files/report.pdf?download=1", true)]
    public void IsAllowed_OwnAgentGroup_AppliesLongestMatch(string path, bool expected)
    {
        // Arrange
        var rules = RobotsRules.Parse(Robots);

        // Act
        var allowed = rules.IsAllowed(new Uri("https://intra.example" + path));

        // Assert
        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void Parse_OwnAgentGroup_ReadsCrawlDelayAndSitemaps()
    {
        // Act
        var rules = RobotsRules.Parse(Robots);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(3), rules.CrawlDelay);
        Assert.Equal(["https://intra.example/sitemap.xml"], rules.Sitemaps);
    }
}
