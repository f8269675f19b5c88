using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Wiki;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Reliability;

/// <summary>
/// Issue #13 (4): while the database is down, pages and the sign-in form answer a 503 page in the person's language
/// with Retry-After, as during a directory outage, not a generic 500; when it is back, so is the portal.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutagePortal outage) : IClassFixture<DatabaseOutagePortal>
{
    private const string Page = "데이터베이스 장애 시험";

    [Fact]
    public async Task PagesAndSignIn_DatabaseStopped_Answer503PageWithRetryAfterAndRecover()
    {
        // Arrange: a signed-in person with a saved page, and a stranger holding the sign-in form.
        using var staff = await WikiHttp.SignedInAsync(outage.Portal, DemoAccounts.KimMinsu.Uid);
        var text = "장애 전에 저장한 본문 " + Guid.NewGuid();
        await WikiHttp.SaveAsync(staff, Page, text);
        using var stranger = outage.Portal.CreatePortalClient("192.0.2.120");
        var token = await stranger.GetAntiforgeryTokenAsync("/account/login");
        await outage.StopDatabaseAsync();
        var answers = new List<(string What, HttpResponseMessage Response, string? Title)>();

        try
        {
            // Act
            foreach (var path in new[] { "/", WikiHttp.PathOf(Page), WikiHttp.PathOf(Page) + "/history", "/wiki/special/recent" })
            {
                var (response, document) = await staff.GetDocumentAsync(path);
                answers.Add((path, response, document.QuerySelector("h1")?.TextContent));
            }

            var signIn = await stranger.PostFormAsync("/account/login", new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["Input.Login"] = DemoAccounts.HanSeojun.Uid,
                ["Input.Password"] = DemoAccounts.Password,
                ["__RequestVerificationToken"] = token,
            });
            answers.Add(("sign-in", signIn, (await PortalClient.ParseAsync(signIn)).QuerySelector("h1")?.TextContent));
        }
        finally
        {
            await outage.StartDatabaseAsync();
        }

        var afterwards = await staff.GetDocumentUntilAsync(WikiHttp.PathOf(Page), p => p.Body?.TextContent.Contains(text, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(20));

        // Assert
        Assert.All(answers, a => Assert.True(a.Response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{a.What} → {(int)a.Response.StatusCode} {a.Title}"));
        Assert.All(answers, a => Assert.Equal("잠시 서비스를 이용할 수 없습니다", a.Title));
        Assert.All(answers, a => Assert.Equal(TimeSpan.FromSeconds(30), a.Response.Headers.RetryAfter?.Delta));
        Assert.Contains(text, afterwards.Body?.TextContent, StringComparison.Ordinal);
    }
}
