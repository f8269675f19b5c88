using System.Net;
using System.Text.RegularExpressions;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.Security;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>Security headers on every kind of response, and the flags of every cookie the portal sets (issue #7, group 6).</summary>
public sealed partial class SecurityHeadersTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Theory]
    [InlineData("GET", "/account/login", HttpStatusCode.OK)] // a page
    [InlineData("GET", "/no-such-page", HttpStatusCode.NotFound)] // the status page, re-executed
    [InlineData("GET", "/error", HttpStatusCode.OK)] // the error page
    [InlineData("GET", "/favicon.svg", HttpStatusCode.OK)] // a static file
    [InlineData("GET", "/app.css", HttpStatusCode.OK)] // a static file
    [InlineData("GET", "/.well-known/openid-configuration", HttpStatusCode.OK)] // an OIDC endpoint (JSON)
    [InlineData("GET", "/connect/authorize?client_id=sample-lob", HttpStatusCode.BadRequest)] // an OIDC error page
    [InlineData("POST", "/connect/token", HttpStatusCode.BadRequest)] // an OIDC JSON error
    [InlineData("GET", "/health", HttpStatusCode.OK)] // health JSON
    [InlineData("POST", "/culture", HttpStatusCode.BadRequest)] // a refused form post
    public async Task Response_AnyKind_CarriesTheSecurityHeaders(string method, string path, HttpStatusCode expected)
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" });
        }

        // Act
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain http");
    }

    [Fact]
    public async Task ContentSecurityPolicy_EachResponse_HasItsOwnNonceAndTheFormPostHashOnlyOnAuthorize()
    {
        // Arrange: a signed-in person whose application asks for the form_post response mode.
        using var client = portal.CreatePortalClient("192.0.2.73");
        await client.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);

        // Act
        var first = Csp(await client.GetAsync("/account/login"));
        var second = Csp(await client.GetAsync("/account/login"));
        var formPost = await client.GetAsync(new Oidc.OidcFlow(client).AuthorizeUrl() + "&response_mode=form_post");
        var authorize = Csp(formPost);

        // Assert
        var nonce1 = Nonce().Match(first);
        var nonce2 = Nonce().Match(second);
        Assert.True(nonce1.Success && nonce2.Success, first);
        Assert.Equal(16, Convert.FromBase64String(nonce1.Groups[1].Value).Length);
        Assert.NotEqual(nonce1.Value, nonce2.Value);
        Assert.DoesNotContain("sha256-", first, StringComparison.Ordinal);
        Assert.Contains(SecurityHeaders.FormPostScriptHash, authorize, StringComparison.Ordinal);
        Assert.Contains("<script>document.form.submit();</script>", await formPost.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_SignIn_HstsAndEveryCookieSecureHttpOnlyAndSameSite()
    {
        // Arrange: a client that speaks https to a production-like host name (HSTS skips localhost).
        using var http = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://portal.cityhall.example/"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        using var client = new PortalClient(http, "192.0.2.71");

        // Act: the login page (antiforgery cookie), a sign-in (session cookie) and the language switch (culture cookie).
        var login = await client.GetAsync("/account/login");
        var signIn = await client.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
        var culture = await client.PostFormAsync("/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, "/");
        var cookies = new[] { login, signIn, culture }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).ToList();

        // Assert
        Assert.Matches(@"^max-age=\d{7,}", login.Headers.GetValues("Strict-Transport-Security").Single());
        AssertSecurityHeaders(login);
        Assert.Contains(cookies, c => c.StartsWith("gp_session=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            var flags = c.ToLowerInvariant();
            Assert.Contains("; secure", flags, StringComparison.Ordinal);
            Assert.Contains("; httponly", flags, StringComparison.Ordinal);
            Assert.Matches("; samesite=(lax|strict)", flags);
        });
    }

    [Fact]
    public async Task Http_SignIn_CookiesHttpOnlyAndSameSiteButNotSecureOnLoopbackTesting()
    {
        // Arrange: the test host allows plain http (SignIn:Cookie:RequireHttps=false), as a loopback development run does.
        using var client = portal.CreatePortalClient("192.0.2.72");

        // Act
        var signIn = await client.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gp_session=", StringComparison.Ordinal)).ToLowerInvariant();

        // Assert
        Assert.Contains("; httponly", session, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", session, StringComparison.Ordinal);
        Assert.DoesNotContain("; secure", session, StringComparison.Ordinal);
    }

    /// <summary>The headers every response must carry.</summary>
    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Csp(response);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    private static string Csp(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: no {name}");

    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex Nonce();
}
