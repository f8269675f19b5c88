using System.Xml.Linq;
using GatewayPortal.Wiki.Feed;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Tests.Feed;

public sealed class WikiAtomFeedBuilderTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void Build_Changes_WritesValidAtomWithEscapedText()
    {
        // Arrange
        var feed = new WikiFeedInfo(new Uri("https://portal.city.go.kr/wiki/recent"), "최근 바뀜 <위키>",
            new Uri("https://portal.city.go.kr/wiki/recent.atom"), new Uri("https://portal.city.go.kr/wiki/recent"));
        var change = new RecentChange(WikiTitle.Parse("hr:급여 & 수당"),
            new WikiRevisionInfo(42, 7, 41, "bob", "이서준 </name>", new DateTimeOffset(2026, 3, 2, 18, 30, 0, TimeSpan.FromHours(9)), "<script>x</script>\u0001 수정", false, 10, 2));

        // Act
        var xml = WikiAtomFeedBuilder.Build(feed, [change], c => new Uri($"https://portal.city.go.kr/wiki/diff/{c.Revision.Id}"), DateTimeOffset.UnixEpoch);
        var document = XDocument.Parse(xml);

        // Assert
        var root = document.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.Equal("최근 바뀜 <위키>", root.Element(Atom + "title")!.Value);
        Assert.Equal("2026-03-02T09:30:00Z", root.Element(Atom + "updated")!.Value);
        var entry = Assert.Single(root.Elements(Atom + "entry"));
        Assert.Equal("hr:급여 & 수당", entry.Element(Atom + "title")!.Value);
        Assert.Equal("이서준 </name>", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("<script>x</script> 수정", entry.Element(Atom + "summary")!.Value);
        Assert.Equal("https://portal.city.go.kr/wiki/recent#r42", entry.Element(Atom + "id")!.Value);
        Assert.Equal("https://portal.city.go.kr/wiki/diff/42", entry.Element(Atom + "link")!.Attribute("href")!.Value);
    }
}
