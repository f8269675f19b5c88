using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Org;

/// <summary>Issue #15 (4): the org chart, department pages and their links from the person card and the colleague search.</summary>
public sealed class OrgChartPageTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private Organization Organization => portal.Directory.Organization;

    [Fact]
    public async Task OrgChart_SignedIn_ShowsTopLevelsOpenWithCountsAndNoTeams()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var page = await LoadedAsync(kim, "/org");

        // Assert
        var roots = page.QuerySelectorAll(".org-tree > li");
        Assert.Equal(["/org/hq", "/org/districts"], roots.Select(r => r.QuerySelector(".org-self a")!.GetAttribute("href")));
        Assert.All(roots, r => Assert.True(r.QuerySelector("details")!.HasAttribute("open")));
        var enabled = Organization.People.Count(p => !p.IsDisabled);
        var headquarters = Organization.People.Count(p => !p.IsDisabled && p.Team.IsHeadquarters);
        Assert.Equal($"{headquarters:N0}명", roots[0].QuerySelector("summary .org-count")!.TextContent);
        Assert.Contains($"직원 {enabled:N0}명", page.QuerySelector(".org-meta")!.TextContent, StringComparison.Ordinal);
        var budget = page.QuerySelector("#d-hq-03 details")!;
        Assert.False(budget.HasAttribute("open"));
        Assert.Contains("/org/hq-03-01", Links(page));
        Assert.DoesNotContain("/org/hq-03-01-1", Links(page));
    }

    [Fact]
    public async Task OrgChart_OpenATeam_OpensThePathAndMarksTheTeam()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var page = await LoadedAsync(kim, "/org?open=hq-03-01-1");

        // Assert
        Assert.True(page.QuerySelector("#d-hq-03 > details")!.HasAttribute("open"));
        Assert.True(page.QuerySelector("#d-hq-03-01 > details")!.HasAttribute("open"));
        Assert.Equal("예산총괄팀", page.QuerySelector(".org-tree a[aria-current='page']")!.TextContent);
    }

    [Fact]
    public async Task DepartmentPage_Division_ShowsBreadcrumbHeadCountTeamsAndMembers()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var members = Organization.People.Where(p => !p.IsDisabled && p.Team.DepartmentCode == "hq-03-01").ToList();

        // Act
        var page = await LoadedAsync(kim, "/org/hq-03-01");

        // Assert
        Assert.Equal("예산과", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["/org", "/org/hq", "/org/hq-03", "/org/hq-03-01"], page.QuerySelectorAll(".org-breadcrumb a").Select(a => a.GetAttribute("href")));
        Assert.Contains($"총 {members.Count}명", page.QuerySelector(".org-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            Organization.Teams.Where(t => t.DepartmentCode == "hq-03-01").Select(t => "/org/" + t.Code),
            page.QuerySelectorAll(".org-children a").Select(a => a.GetAttribute("href")));
        var rows = page.QuerySelectorAll(".org-members tbody tr");
        Assert.Equal(members.Count, rows.Length);
        Assert.Equal(members.Select(m => "/people/" + m.Uid).Order(StringComparer.Ordinal), rows.Select(r => r.QuerySelector("th a")!.GetAttribute("href")!).Order(StringComparer.Ordinal));
        Assert.Equal("팀장", rows[0].QuerySelectorAll("td")[0].TextContent);
    }

    [Fact]
    public async Task DepartmentPage_Team_ListsMembersHeadFirstWithContactLinks()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var team = DemoTeam(DemoAccounts.LeeJiyoung.Uid);

        // Act
        var page = await LoadedAsync(kim, "/org/" + team.Code);

        // Assert
        Assert.Equal(team.Name, page.QuerySelector("h1")!.TextContent);
        var row = page.QuerySelectorAll(".org-members tbody tr").Single(r => r.QuerySelector("th a")!.GetAttribute("href") == "/people/lee.jiyoung");
        Assert.Equal("이지영", row.QuerySelector("th a")!.TextContent);
        Assert.NotNull(row.QuerySelector("a[href='mailto:lee.jiyoung@cityhall.example']"));
        Assert.NotNull(row.QuerySelector("a[href^='tel:02-']"));
        var titles = page.QuerySelectorAll(".org-members tbody tr td:first-of-type").Select(c => c.TextContent).ToList();
        Assert.True(titles.IndexOf("팀장") < titles.IndexOf("주무관"), string.Join(",", titles));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/org?open=" + team.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DepartmentPage_LargeDepartment_PagesMembersByHundred()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var count = Organization.People.Count(p => !p.IsDisabled && p.Team.IsHeadquarters);

        // Act
        var first = await LoadedAsync(kim, "/org/hq");
        var (_, second) = await kim.GetDocumentAsync("/org/hq?page=2");
        var (_, beyond) = await kim.GetDocumentAsync("/org/hq?page=9999");

        // Assert
        Assert.Equal(100, first.QuerySelectorAll(".org-members tbody tr").Length);
        Assert.Contains("/org/hq?page=2", Links(first));
        var secondNames = second.QuerySelectorAll(".org-members tbody th a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Empty(secondNames.Intersect(first.QuerySelectorAll(".org-members tbody th a").Select(a => a.GetAttribute("href"))));
        Assert.Equal(count - (count - 1) / 100 * 100, beyond.QuerySelectorAll(".org-members tbody tr").Length);
    }

    [Theory]
    [InlineData("/org/no-such-team", HttpStatusCode.NotFound)]
    [InlineData("/org/%3Cscript%3E", HttpStatusCode.BadRequest)]
    [InlineData("/org/hq%2A%29%28uid%3D%2A", HttpStatusCode.BadRequest)]
    [InlineData("/org/hq?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/org/hq?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/org?open=no-such-team", HttpStatusCode.NotFound)]
    [InlineData("/org?open=%2A%29", HttpStatusCode.BadRequest)]
    public async Task OrgPages_BadOrUnknownCode_AnswerClientErrorWithMessage(string path, HttpStatusCode expected)
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await LoadedAsync(kim, "/org");

        // Act
        var (response, page) = await kim.GetDocumentAsync(path);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[role='alert']"));
        Assert.Contains("/org", Links(page));
    }

    [Fact]
    public async Task OrgChart_Anonymous_RedirectsToSignIn()
    {
        // Arrange
        using var anonymous = portal.CreatePortalClient();

        // Act
        var chart = await anonymous.GetAsync("/org");
        var department = await anonymous.GetAsync("/org/hq");

        // Assert
        Assert.True(PortalClient.RedirectsTo(chart, "/account/login"), chart.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(department, "/account/login"), department.StatusCode.ToString());
    }

    [Fact]
    public async Task OrgChart_SearchByDepartmentAndPersonName_ListsBoth()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await LoadedAsync(kim, "/org");

        // Act
        var (_, departments) = await kim.GetDocumentAsync("/org?q=" + Uri.EscapeDataString("예산"));
        var (_, people) = await kim.GetDocumentAsync("/org?q=" + Uri.EscapeDataString("이지영"));
        var (_, none) = await kim.GetDocumentAsync("/org?q=" + Uri.EscapeDataString("*)(uid=*"));
        var (tooLong, _) = await kim.GetDocumentAsync("/org?q=" + new string('가', 51));

        // Assert
        Assert.Contains("/org/hq-03-01", Links(departments));
        Assert.Contains("/people/lee.jiyoung", Links(people));
        Assert.Contains(people.QuerySelectorAll(".org-hits a"), a => a.GetAttribute("href") == "/org/" + DemoTeam(DemoAccounts.LeeJiyoung.Uid).Code);
        Assert.Contains("일치하는 부서나 직원이 없습니다", none.QuerySelector(".org-results")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task PersonCard_KnownPerson_LinksToTheDepartmentPage()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await LoadedAsync(kim, "/org");

        // Act
        var (_, card) = await kim.GetDocumentAsync("/people/lee.jiyoung");

        // Assert
        var link = card.QuerySelector(".profile a[href^='/org/']");
        Assert.NotNull(link);
        Assert.Equal("/org/" + DemoTeam(DemoAccounts.LeeJiyoung.Uid).Code, link.GetAttribute("href"));
    }

    [Fact]
    public async Task SearchPage_Colleague_ShowsLabelledDepartmentPositionPhoneAndMail()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await LoadedAsync(kim, "/org");
        var lee = Organization.People.Single(p => p.Uid == DemoAccounts.LeeJiyoung.Uid);

        // Act
        var page = await kim.GetDocumentUntilAsync("/search?source=person&q=" + Uri.EscapeDataString("이지영"), p => Links(p).Contains("/people/lee.jiyoung"), Patience);

        // Assert
        var hit = page.QuerySelectorAll(".search-hit").First(h => h.QuerySelector("a")!.GetAttribute("href") == "/people/lee.jiyoung");
        var fields = hit.QuerySelectorAll(".search-person > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!);
        Assert.Equal(["부서", "직위", "전화번호", "이메일"], fields.Keys);
        Assert.Equal("/org/" + lee.Team.Code, fields["부서"].QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith(lee.Team.Name, fields["부서"].TextContent, StringComparison.Ordinal);
        Assert.Equal(lee.Title, fields["직위"].TextContent);
        Assert.Equal(lee.Phone, fields["전화번호"].TextContent);
        Assert.Equal(lee.Email, fields["이메일"].TextContent);
        Assert.Null(hit.QuerySelector(".search-snippet"));
    }

    private static List<string> Links(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)];

    private Team DemoTeam(string uid) => Organization.People.Single(p => p.Uid == uid).Team;

    // The chart is read in the background on start; the first request waits a few seconds at most.
    private static async Task<IHtmlDocument> LoadedAsync(PortalClient client, string path)
    {
        var page = await client.GetDocumentUntilAsync(path, p => p.QuerySelector(".org") is not null, Patience);
        Assert.NotNull(page.QuerySelector(".org"));
        return page;
    }
}
