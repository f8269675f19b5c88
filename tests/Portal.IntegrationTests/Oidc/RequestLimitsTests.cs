using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.WebUtilities;

namespace GatewayPortal.Portal.IntegrationTests.Oidc;

/// <summary>
/// Oversized OIDC parameters are refused before they are logged or echoed (issue #13, section 5, "log amplification").
/// </summary>
public sealed class RequestLimitsTests(LogCapturingPortal portal) : IClassFixture<LogCapturingPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> AuthorizeForm(OidcFlow flow, string state) =>
        QueryHelpers.ParseQuery(new Uri("http://portal" + flow.AuthorizeUrl()).Query).ToDictionary(p => p.Key, p => p.Key == "state" ? state : p.Value.ToString());

    [Fact]
    public async Task Authorize_OneMegabyteState_IsRefusedNotEchoedAndNotLogged()
    {
        // Arrange
        using var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        var flow = new OidcFlow(browser);
        var form = AuthorizeForm(flow, new string('s', 1024 * 1024));
        var before = portal.LoggedCharacters;

        // Act
        using var response = await browser.Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(form), Cancel);
        var logged = portal.LoggedCharacters - before;

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.InRange(logged, 0, 16 * 1024);
    }

    [Fact]
    public async Task Authorize_StateOverTheLimit_IsRefusedOnTheErrorPage()
    {
        // Arrange: 4,097 characters, one over the documented limit, in an otherwise small request.
        using var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        var flow = new OidcFlow(browser);
        var url = QueryHelpers.AddQueryString(flow.AuthorizeUrl().Replace("state=state-123", "", StringComparison.Ordinal), "state", new string('s', 4097));

        // Act
        var response = await browser.GetAsync(url);
        var page = await PortalClient.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("요청을 처리할 수 없습니다", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Token_FormOverTheLimit_IsInvalidRequestAndNotLogged()
    {
        // Arrange: a 2 MB form of eight 256 KB fields.
        using var browser = portal.CreatePortalClient();
        var flow = new OidcFlow(browser);
        var form = Enumerable.Range(0, 8).ToDictionary(i => "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => new string('x', 256 * 1024));
        form["grant_type"] = "client_credentials";
        var before = portal.LoggedCharacters;

        // Act
        var (status, body) = await flow.TokenAsync(form, "batch-reporting", "BatchReporting!2026");
        var logged = portal.LoggedCharacters - before;

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.InRange(logged, 0, 16 * 1024);
    }
}
