using System.Net;
using System.Text.Json;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GatewayPortal.Portal.IntegrationTests.Oidc;

/// <summary>
/// OIDC Core §3.1.2.1 at <c>/connect/authorize</c>: prompt, max_age and auth_time (issue #13, section 1). The portal runs on a
/// clock the tests move, so a later sign-in or an exceeded max_age needs no real second to pass.
/// </summary>
public sealed class AuthorizationRequestTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private async Task<(PortalClient Browser, OidcFlow Flow)> SignedInAsync(string login = "kim.minsu")
    {
        var browser = portal.CreatePortalClient();
        await browser.SignInAsync(login, DemoAccounts.Password);
        return (browser, new OidcFlow(browser));
    }

    private static string With(string url, string name, string value) => QueryHelpers.AddQueryString(url, name, value);

    private static string? Query(HttpResponseMessage response, string name) =>
        response.Headers.Location is { } location && QueryHelpers.ParseQuery(location.Query).TryGetValue(name, out var value) ? value.ToString() : null;

    private static long AuthTime(JsonElement tokens) =>
        long.Parse(new JsonWebToken(tokens.GetProperty("id_token").GetString()).Claims.Single(c => c.Type == "auth_time").Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Authorize_PromptLoginReplayedWithoutPassword_ShowsTheLoginPageAgain()
    {
        // Arrange: a signed-in person; the application asks for a fresh sign-in.
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var challenge = await browser.GetAsync(With(flow.AuthorizeUrl(), "prompt", "login"));
        var returnUrl = QueryHelpers.ParseQuery(new Uri("http://portal" + PortalClient.LocationPath(challenge)).Query)["returnUrl"].ToString();

        // Act: the browser follows the login page's returnUrl without entering a password.
        var replay = await browser.GetAsync(returnUrl);

        // Assert
        Assert.True(PortalClient.RedirectsTo(challenge, "/account/login"), challenge.StatusCode.ToString());
        Assert.Null(Query(replay, "code"));
        Assert.True(PortalClient.RedirectsTo(replay, "/account/login"), replay.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Authorize_PromptLoginThenPassword_IssuesACodeWithTheNewAuthTime()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, before) = await flow.RedeemAsync(await flow.GetCodeAsync());
        portal.Clock.Advance(TimeSpan.FromSeconds(1.1));
        var challenge = await browser.GetAsync(With(flow.AuthorizeUrl(), "prompt", "login"));
        var returnUrl = QueryHelpers.ParseQuery(new Uri("http://portal" + PortalClient.LocationPath(challenge)).Query)["returnUrl"].ToString();

        // Act
        var signIn = await browser.SignInAsync("kim.minsu", DemoAccounts.Password, returnUrl);
        var authorize = await browser.GetAsync(PortalClient.LocationPath(signIn)!);
        var (status, after) = await flow.RedeemAsync(Query(authorize, "code")!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(AuthTime(after) > AuthTime(before), $"{AuthTime(after)} > {AuthTime(before)}");
    }

    [Fact]
    public async Task Authorize_PromptLoginWithALargeState_ComesBackToTheApplicationAfterThePassword()
    {
        // Arrange: an application that keeps its whole sign-in context in state (ASP.NET Core's handler: 1-2 KB).
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var state = new string('s', 2000);
        var url = QueryHelpers.AddQueryString(flow.AuthorizeUrl().Replace("state=state-123", "", StringComparison.Ordinal), new Dictionary<string, string?>
        {
            ["state"] = state,
            ["prompt"] = "login",
        });
        var challenge = await browser.GetAsync(url);
        var returnUrl = QueryHelpers.ParseQuery(new Uri("http://portal" + PortalClient.LocationPath(challenge)).Query)["returnUrl"].ToString();

        // Act
        var signIn = await browser.SignInAsync("kim.minsu", DemoAccounts.Password, returnUrl);
        var authorize = await browser.GetAsync(PortalClient.LocationPath(signIn)!);

        // Assert
        Assert.True(PortalClient.RedirectsTo(signIn, "/connect/authorize"), PortalClient.LocationPath(signIn));
        Assert.NotNull(Query(authorize, "code"));
        Assert.Equal(state, Query(authorize, "state"));
    }

    [Fact]
    public async Task Authorize_MaxAgeShorterThanTheSession_AsksForThePasswordAgain()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        portal.Clock.Advance(TimeSpan.FromSeconds(2.1));

        // Act
        var response = await browser.GetAsync(With(flow.AuthorizeUrl(), "max_age", "1"));
        var replay = await browser.GetAsync(QueryHelpers.ParseQuery(new Uri("http://portal" + PortalClient.LocationPath(response)).Query)["returnUrl"].ToString());

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/account/login"), response.Headers.Location?.ToString());
        Assert.True(PortalClient.RedirectsTo(replay, "/account/login"), replay.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task Authorize_MalformedMaxAge_IsInvalidRequest(string maxAge)
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;

        // Act
        var response = await browser.GetAsync(With(flow.AuthorizeUrl(), "max_age", maxAge));

        // Assert: refused back to the application, never a code.
        Assert.StartsWith(OidcFlow.RedirectUri, response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("invalid_request", Query(response, "error"));
        Assert.Null(Query(response, "code"));
    }

    [Fact]
    public async Task IdToken_FromCodeAndFromRefresh_CarriesAuthTime()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;

        // Act
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var (_, refreshed) = await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);

        // Assert
        var now = portal.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.InRange(AuthTime(tokens), now - 60, now);
        Assert.Equal(AuthTime(tokens), AuthTime(refreshed));
    }

    [Fact]
    public async Task Authorize_PromptNoneForAPersonThePolicyRefuses_AnswersTheApplicationWithAnError()
    {
        // Arrange: han.seojun works in 종로구, the sample app is for headquarters staff.
        var (browser, flow) = await SignedInAsync("han.seojun");
        using var disposeBrowser = browser;

        // Act
        var response = await browser.GetAsync(With(flow.AuthorizeUrl(), "prompt", "none"));

        // Assert
        Assert.StartsWith(OidcFlow.RedirectUri, response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("access_denied", Query(response, "error"));
        Assert.Equal("state-123", Query(response, "state"));
    }
}
