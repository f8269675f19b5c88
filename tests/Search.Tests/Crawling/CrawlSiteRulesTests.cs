using GatewayPortal.Search.Crawling.Scheduling;
using GatewayPortal.Search.Crawling.Sites;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Tests.Crawling;

/// <summary>Site rules without a host: the admin form's parsing, configuration checks and when a site is due.</summary>
public sealed class CrawlSiteRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("intra.example", true)]
    [InlineData("intra.example:8080", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)] // IPv6 literal
    [InlineData("intra.example:0", false)] // no such port
    [InlineData("intra.example:70000", false)]
    [InlineData("host!", false)]
    [InlineData("http://intra.example", false)] // a host, not a URL
    [InlineData("", false)]
    public void IsValidHost_Value_IsHostOrHostAndPort(string value, bool expected)
    {
        // Act and Assert
        Assert.Equal(expected, CrawlSiteForm.IsValidHost(value));
    }

    [Fact]
    public void TryBuild_ValidForm_BuildsTheSiteWithGroupPrincipalsAndTheDefaultKey()
    {
        // Arrange
        var form = CrawlSiteForm.CreateDefault();
        form.Name = " 인사 게시판 ";
        form.StartUrl = "http://Intra.Example:8080/hr/#top";
        form.AllowedHosts = "files.intra.example\nFILES.intra.example, docs.intra.example:8443";
        form.PolitenessDelaySeconds = "0.5";
        form.Visibility = CrawlSiteForm.Groups;
        form.AllowedGroups = "Role-HR, role-hr\nstaff-jongno";
        var errors = new List<CrawlSiteFieldError>();

        // Act
        var site = form.TryBuild(key: null, id: null, errors);

        // Assert
        Assert.Empty(errors);
        Assert.Equal("intra.example:8080", site!.Key);
        Assert.Equal("인사 게시판", site.Name);
        Assert.Equal("http://intra.example:8080/hr/", site.StartUrl.AbsoluteUri);
        Assert.Equal(["files.intra.example", "docs.intra.example:8443"], site.AllowedHosts);
        Assert.Equal(TimeSpan.FromMilliseconds(500), site.PolitenessDelay);
        Assert.Equal([SearchPrincipals.Group("role-hr"), SearchPrincipals.Group("staff-jongno")], site.AllowedPrincipals);
        Assert.Equal(["role-hr", "staff-jongno"], site.AllowedGroups);
        Assert.Equal(CrawlSiteForm.Groups, CrawlSiteForm.From(site).Visibility);
    }

    [Theory]
    [InlineData("Sites:0:StartUrl", "StartUrl", "ftp://intra.example/")]
    [InlineData("Sites:0:", "MaxDepth", "51")]
    [InlineData("Sites:0:AllowedHosts", "AllowedHosts:0", "bad host")]
    public void FromOptions_BadSite_ThrowsNamingTheKey(string expected, string key, string value)
    {
        // Arrange
        var site = new CrawlSiteOptions { StartUrl = "http://intra.example/" };
        var options = new CrawlOptions();
        options.Sites.Add(site);
        switch (key)
        {
            case "StartUrl": site.StartUrl = value; break;
            case "MaxDepth": site.MaxDepth = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: site.AllowedHosts.Add(value); break;
        }

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => CrawlSiteCatalog.FromOptions(options));

        // Assert
        Assert.Contains("Search:Crawl:" + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromOptions_TwoSitesOnOneHost_NeedDistinctKeys()
    {
        // Arrange
        var options = new CrawlOptions();
        options.Sites.Add(new CrawlSiteOptions { StartUrl = "http://intra.example/a/" });
        options.Sites.Add(new CrawlSiteOptions { StartUrl = "http://intra.example/b/" });

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => CrawlSiteCatalog.FromOptions(options));
        options.Sites[1].Key = "intra-b";
        var sites = CrawlSiteCatalog.FromOptions(options);

        // Assert
        Assert.Contains("Sites:1:Key", error.Message, StringComparison.Ordinal);
        Assert.Equal(["intra.example", "intra-b"], sites.Select(s => s.Key));
        Assert.All(sites, s => Assert.Equal([SearchPrincipals.Everyone], s.AllowedPrincipals));
    }

    [Theory]
    [InlineData(null, null, true, true)] // never crawled
    [InlineData(CrawlState.Finished, -30, true, false)] // finished half an hour ago, interval one hour
    [InlineData(CrawlState.Finished, -61, true, true)]
    [InlineData(CrawlState.Failed, -61, true, true)]
    [InlineData(CrawlState.Requested, -1, true, true)]
    [InlineData(CrawlState.Running, -1, true, true)] // its node died or it runs elsewhere: the lease decides
    [InlineData(CrawlState.Cancelled, -1, true, true)] // resumes from its checkpoint
    [InlineData(null, null, false, false)] // disabled
    [InlineData(CrawlState.Requested, -1, false, false)]
    public void IsDue_StatusAndInterval_DecideWhetherToCrawl(CrawlState? state, int? finishedMinutesAgo, bool enabled, bool expected)
    {
        // Arrange
        var site = new CrawlSiteDefinition { Key = "k", Name = "k", StartUrl = new Uri("http://intra.example/"), Interval = TimeSpan.FromHours(1), Enabled = enabled };
        var status = state is null ? null : new CrawlSiteStatusRow
        {
            Site = "k",
            State = state.Value,
            FinishedUtc = finishedMinutesAgo is { } minutes ? Now.AddMinutes(minutes) : null,
        };

        // Act and Assert
        Assert.Equal(expected, CrawlScheduler.IsDue(site, status, Now));
    }
}
