using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>
/// Issue #13 (4): a production node (cookies HTTPS-only) reached directly over plain HTTP, as docs/production.md's two-node check
/// and health probes do. From the node's own machine every page works (the antiforgery cookie used to be Secure-only,
/// which made every page with a form and every 404 a 500); from anywhere else, around the proxy, the answer is a page
/// saying to use the HTTPS address; through the proxy (HTTPS) nothing changes and the cookies stay Secure.
/// </summary>
public sealed class PlainHttpNodeTests(HttpsNodePortal portal) : IClassFixture<HttpsNodePortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Page_PlainHttpFromTheNodeItself_IsServed(string path, HttpStatusCode expected)
    {
        // Arrange: TestServer's connection is loopback, as curl on the node is.
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        var response = await client.GetAsync(path, Cancel);

        // Assert
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Me_SessionFromTheProxyUsedOverPlainHttpOnTheNode_IsServed()
    {
        // Arrange: signed in through the proxy (HTTPS), as docs/production.md's check does with curl.
        using var browser = new PortalClient(
            portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }),
            "192.0.2.80");
        var signIn = await browser.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);

        // Act: the same cookie straight to the node.
        var me = await portal.GetWithCookieAsync("/me", PortalClient.SessionCookie(signIn));

        // Assert
        Assert.True(PortalClient.RedirectsTo(signIn, "/"), signIn.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task Page_PlainHttpFromAnotherMachine_Answers400SayingUseHttps(string path)
    {
        // Arrange: another machine's address (the loopback test connection forwards it, as a proxy without X-Forwarded-Proto would).
        using var client = portal.CreatePortalClient("192.0.2.81");

        // Act
        var (response, document) = await client.GetDocumentAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("HTTPS 주소로 접속하세요", document.QuerySelector("h1")?.TextContent);
        Assert.Null(document.QuerySelector("input[type=password]"));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    public async Task Health_PlainHttpFromAnotherMachine_StaysOpen(string path)
    {
        // Arrange
        using var client = portal.CreatePortalClient("192.0.2.82");

        // Act
        var response = await client.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LoginPage_ThroughTheProxy_SetsSecureAntiforgeryCookie()
    {
        // Arrange
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-For", "192.0.2.83");

        // Act
        var response = await client.SendAsync(request, Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
