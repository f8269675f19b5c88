using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Wiki;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Reliability;

/// <summary>
/// Issue #13 (4): a value in the address that a page cannot read, a revision of another page and a Host header that is
/// not a host name each get a clear answer in the person's language, never a 500.
/// </summary>
public sealed class BadInputTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private const string Page = "잘못된 입력 시험";
    private const string OtherPage = "잘못된 입력 다른 문서";

    [Theory]
    [InlineData("/wiki/{page}?rev=abc", "rev")]
    [InlineData("/wiki/{page}/history?before=x", "before")]
    [InlineData("/wiki/{page}/links?after=x", "after")]
    [InlineData("/wiki/{page}/blame?rev=abc", "rev")]
    [InlineData("/wiki/{page}/diff?old=abc", "old")]
    [InlineData("/wiki/{page}/diff?new=99999999999999999999", "new")]
    [InlineData("/wiki/special/recent?hideminor=maybe", "hideminor")]
    [InlineData("/wiki/special/recent?hideminor=", "hideminor")]
    [InlineData("/search?q=x&page=abc", "page")]
    [InlineData("/wiki/{page}?rev=%FF", "rev")]
    [InlineData("/wiki/{page}?REV=1&rev=x", "rev")] // issue #13 (4): every value of a parameter, any case
    public async Task PageQuery_UnreadableValue_Answers400PageNamingTheParameter(string path, string parameter)
    {
        // Arrange
        using var staff = await WikiHttp.SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await WikiHttp.SaveAsync(staff, Page, "본문 " + Guid.NewGuid());

        // Act
        var (response, document) = await staff.GetDocumentAsync(path.Replace("{page}", Uri.EscapeDataString(Page.Replace(' ', '_')), StringComparison.Ordinal));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("요청을 처리할 수 없습니다", document.QuerySelector("h1")?.TextContent);
        Assert.Contains($"주소의 '{parameter}' 값을 읽을 수 없습니다", document.QuerySelector("main p, section p")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageQuery_UnreadableValueInEnglish_AnswersInEnglish()
    {
        // Arrange
        using var staff = await WikiHttp.SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await staff.PostFormAsync("/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, formPage: "/");

        // Act
        var (response, document) = await staff.GetDocumentAsync("/wiki/special/recent?before=yesterday");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The value of 'before' in the address cannot be read", document.Body?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageQuery_ReadableValues_StillServeThePage()
    {
        // Arrange
        using var staff = await WikiHttp.SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await WikiHttp.SaveAsync(staff, Page, "본문 " + Guid.NewGuid());

        // Act
        var recent = await staff.GetAsync("/wiki/special/recent?hideminor=true&before=");
        var search = await staff.GetAsync("/search?q=x&page=2");

        // Assert
        Assert.Equal(HttpStatusCode.OK, recent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/blame")]
    [InlineData("/diff?new=")]
    public async Task WikiRevision_OfAnotherPage_Answers404WithoutItsText(string suffix)
    {
        // Arrange: a revision that exists, but of another page.
        using var staff = await WikiHttp.SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await WikiHttp.SaveAsync(staff, Page, "이 문서의 본문 " + Guid.NewGuid());
        await WikiHttp.SaveAsync(staff, OtherPage, "다른 문서에만 있는 비밀 문장 " + Guid.NewGuid());
        var foreign = (await WikiHttp.RevisionsAsync(staff, OtherPage)).Max();
        var path = WikiHttp.PathOf(Page) + (suffix switch
        {
            "" => $"?rev={foreign}",
            "/blame" => $"/blame?rev={foreign}",
            _ => $"/diff?new={foreign}",
        });

        // Act
        var response = await staff.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("비밀 문장", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrawlSiteEdit_FormPostedToMissingSite_AnswersClientErrorNot500()
    {
        // Arrange: the form binds its model from the post, but there is no site to edit (the sweep found it answering 500).
        using var admin = await WikiHttp.SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);

        // Act
        var response = await admin.PostFormAsync("/admin/search/sites/987654/edit",
            new Dictionary<string, string> { ["_handler"] = "site", ["Input.AllowedHosts"] = "x" }, formPage: "/admin/search/sites/new");

        // Assert: Blazor refuses a post to a form the page no longer renders (400).
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("a..b:5000")]
    [InlineData("[::1")]
    [InlineData("exa mple")]
    public async Task AnyPage_HostHeaderNotAHostName_Answers400WithText(string host)
    {
        // Arrange
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var answers = new List<(HttpStatusCode Status, string Body)>();

        // Act
        foreach (var path in new[] { "/account/login", "/", "/no-such-page", "/.well-known/openid-configuration" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            Assert.True(request.Headers.TryAddWithoutValidation("Host", host));
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }

        // Assert
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.All(answers, a => Assert.Contains("Host 헤더가 올바른 호스트 이름이 아닙니다", a.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("portal.example.go.kr:8443")]
    [InlineData("127.0.0.1:5010")]
    [InlineData("[::1]:5000")]
    [InlineData("포털.example")]
    public async Task LoginPage_ValidHostHeader_IsServed(string host)
    {
        // Arrange
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        Assert.True(request.Headers.TryAddWithoutValidation("Host", host));

        // Act
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
