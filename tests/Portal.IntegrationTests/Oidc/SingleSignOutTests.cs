using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.WebUtilities;

namespace GatewayPortal.Portal.IntegrationTests.Oidc;

/// <summary>RP-initiated logout and front-channel logout frames.</summary>
public sealed class SingleSignOutTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private const string PostLogoutUri = "http://127.0.0.1:5002/signout-callback-oidc";

    [Fact]
    public async Task EndSession_WithoutIdTokenHint_AsksForConfirmationAndKeepsTheSession()
    {
        // Arrange
        using var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        var url = QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["client_id"] = OidcFlow.ClientId,
            ["post_logout_redirect_uri"] = PostLogoutUri,
            ["state"] = "s-1",
        });

        // Act
        var response = await browser.GetAsync(url);
        var (confirm, page) = await browser.GetDocumentAsync(PortalClient.LocationPath(response)!);
        var stillSignedIn = await browser.GetAsync("/");

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/account/signout?"), response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(PostLogoutUri, page.QuerySelector("input[name=post_logout_redirect_uri]")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task EndSession_Confirmed_SignsOutAndReturnsToTheApplication()
    {
        // Arrange
        using var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        var confirmPage = "/account/signout?" + $"client_id={OidcFlow.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString(PostLogoutUri)}&state=s-2";

        // Act
        var response = await browser.PostFormAsync("/connect/endsession", new Dictionary<string, string>
        {
            ["client_id"] = OidcFlow.ClientId,
            ["post_logout_redirect_uri"] = PostLogoutUri,
            ["state"] = "s-2",
            ["confirm"] = "yes",
        }, confirmPage);
        var after = await browser.GetAsync("/");

        // Assert
        Assert.StartsWith(PostLogoutUri + "?state=s-2", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.True(PortalClient.RedirectsTo(after, "/account/login"));
    }

    [Fact]
    public async Task EndSession_SessionUsedFrontChannelApp_ShowsItsFrameAndTheWayBackToTheApplication()
    {
        // Arrange: the session signs into doc-board (front-channel logout only), then sample-lob asks for logout.
        using var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        var authorize = await browser.GetAsync(new OidcFlow(browser).AuthorizeUrl("https://doc-board.apps.cityhall.example/signin-oidc", clientId: "doc-board"));
        Assert.Contains("code=", authorize.Headers.Location?.Query, StringComparison.Ordinal);
        var confirmPage = "/account/signout?" + $"client_id={OidcFlow.ClientId}&post_logout_redirect_uri={Uri.EscapeDataString(PostLogoutUri)}&state=s-3";

        // Act
        var response = await browser.PostFormAsync("/connect/endsession", new Dictionary<string, string>
        {
            ["client_id"] = OidcFlow.ClientId,
            ["post_logout_redirect_uri"] = PostLogoutUri,
            ["state"] = "s-3",
            ["confirm"] = "yes",
        }, confirmPage);
        var (page, document) = await browser.GetDocumentAsync(PortalClient.LocationPath(response)!);
        var after = await browser.GetAsync("/");

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/account/login?signedOut=true&fc="), response.Headers.Location?.ToString());
        var frame = Assert.Single(document.QuerySelectorAll("iframe"));
        Assert.StartsWith("https://doc-board.apps.cityhall.example/frontchannel-logout?iss=", frame.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("frame-src https://doc-board.apps.cityhall.example", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(PostLogoutUri + "?state=s-3", document.QuerySelector("a#return-to-application")?.GetAttribute("href"));
        Assert.True(PortalClient.RedirectsTo(after, "/account/login"));
    }

    [Fact]
    public async Task SignOut_SessionUsedFrontChannelApp_SignedOutPageLoadsItsLogoutFrame()
    {
        // Arrange: the session signs into doc-board, which supports front-channel logout only.
        using var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        var flow = new OidcFlow(browser);
        var authorize = await browser.GetAsync(flow.AuthorizeUrl("https://doc-board.apps.cityhall.example/signin-oidc", clientId: "doc-board"));
        Assert.Contains("code=", authorize.Headers.Location?.Query, StringComparison.Ordinal);

        // Act
        var signOut = await browser.PostFormAsync("/authentication/logout", new Dictionary<string, string>(), "/");
        var (page, document) = await browser.GetDocumentAsync(PortalClient.LocationPath(signOut)!);
        var tampered = await browser.GetDocumentAsync("/account/login?signedOut=true&fc=forged");

        // Assert
        Assert.Contains("fc=", signOut.Headers.Location?.ToString(), StringComparison.Ordinal);
        var frame = Assert.Single(document.QuerySelectorAll("iframe"));
        Assert.StartsWith("https://doc-board.apps.cityhall.example/frontchannel-logout?iss=", frame.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("&sid=", frame.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("frame-src https://doc-board.apps.cityhall.example", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Empty(tampered.Document.QuerySelectorAll("iframe"));
    }
}
