using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.WebUtilities;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>
/// Open redirects (issue #7, group 6): every place that redirects to an address it was given. The portal's own returnUrl
/// (sign-in, sign-out, language switch) only follows paths on this site; OIDC redirect_uri and post_logout_redirect_uri
/// only exact registered values. Existing tests already cover a few spellings (SignInTests.SignIn_ReturnUrlOffSite_RedirectsHomeInstead,
/// OidcProtocolTests.Authorize_RedirectUriNotExactlyRegistered_IsRefusedWithoutRedirect); these add the rest.
/// </summary>
public sealed class OpenRedirectTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    /// <summary>Off-site spellings a browser would follow to evil.example (or run as script).</summary>
    public static TheoryData<string> OffSite => new(
        "https://evil.example/",
        "HTTPS://EVIL.EXAMPLE/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example/",
        "\\/evil.example/",
        "/\t/evil.example/",
        "/\n/evil.example/",
        " //evil.example/",
        "http:evil.example",
        "https:/evil.example",
        "//evil.example@localhost/",
        "https://localhost@evil.example/",
        "http://localhost.evil.example/",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "~//evil.example/",
        "~/\\evil.example/",
        "evil.example",
        "%2F%2Fevil.example/");

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task SignIn_ReturnUrlAnySpellingOffSite_StaysOnTheSite(string returnUrl)
    {
        // Arrange
        using var client = portal.CreatePortalClient("192.0.2.81");

        // Act
        var response = await client.SignInAsync(DemoAccounts.HanSeojun.Uid, DemoAccounts.Password, returnUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        AssertStaysOnSite(response);
    }

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task SignOutAndLanguageSwitch_ReturnUrlAnySpellingOffSite_StayOnTheSite(string returnUrl)
    {
        // Arrange
        using var client = portal.CreatePortalClient("192.0.2.82");
        await client.SignInAsync(DemoAccounts.HanSeojun.Uid, DemoAccounts.Password);

        // Act
        var culture = await client.PostFormAsync("/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = returnUrl }, "/");
        var signOut = await client.PostFormAsync("/authentication/logout", new Dictionary<string, string> { ["returnUrl"] = returnUrl }, "/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        AssertStaysOnSite(culture);
        AssertStaysOnSite(signOut);
    }

    [Theory]
    [InlineData("/wiki/%EB%8C%80%EB%AC%B8")]
    [InlineData("/wiki/대문")]
    [InlineData("/search?q=%EC%9D%B8%EC%82%AC&source=wiki")]
    public async Task SignIn_LocalReturnUrlEncodedOrNot_IsFollowedWithoutError(string returnUrl)
    {
        // Arrange
        using var client = portal.CreatePortalClient("192.0.2.83");

        // Act
        var response = await client.SignInAsync(DemoAccounts.HanSeojun.Uid, DemoAccounts.Password, returnUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/" + returnUrl.Split('?')[0].Split('/')[1], PortalClient.LocationPath(response), StringComparison.Ordinal);
        AssertStaysOnSite(response);
    }

    [Theory]
    [InlineData("//evil.example/signin-oidc")]
    [InlineData("/\\evil.example/signin-oidc")]
    [InlineData("http://127.0.0.1:5002@evil.example/signin-oidc")]
    [InlineData("http://evil.example\\@127.0.0.1:5002/signin-oidc")]
    [InlineData("http://127.0.0.1:5002.evil.example/signin-oidc")]
    [InlineData("http://127.0.0.1:5002/signin-oidc/")]
    [InlineData("http://127.0.0.1:5002/signin-oidc?next=https://evil.example/")]
    [InlineData("http://127.0.0.1:5002/signin-oidc#https://evil.example/")]
    [InlineData("http://127.0.0.1:5002/signin-oidc/../../evil")]
    [InlineData("http://127.0.0.1:5002/%73ignin-oidc")]
    [InlineData("http://127.0.0.1:5002/signin-oidc%2F..%2Fevil")]
    [InlineData("HTTP://127.0.0.1:5002/signin-oidc")]
    [InlineData("https://127.0.0.1:5002/signin-oidc")]
    [InlineData("http://127.0.0.1:5003/signin-oidc")]
    [InlineData("http://127.0.0.1:05002/signin-oidc")]
    [InlineData("http://2130706433:5002/signin-oidc")]
    [InlineData("http://localhost:5002/signin-oidc")]
    [InlineData(" http://127.0.0.1:5002/signin-oidc")]
    [InlineData("http://127.0.0.1:5002/signin-oidc ")]
    [InlineData("javascript:alert(1)//http://127.0.0.1:5002/signin-oidc")]
    public async Task Authorize_RedirectUriAnyVariantOfTheRegisteredOne_IsRefusedWithoutRedirect(string redirectUri)
    {
        // Arrange
        using var client = portal.CreatePortalClient("192.0.2.84");
        await client.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);

        // Act
        var response = await new OidcFlow(client).AuthorizeAsync(redirectUri);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("http://127.0.0.1:5002@evil.example/signout-callback-oidc")]
    [InlineData("http://127.0.0.1:5002/signout-callback-oidc/")]
    [InlineData("http://127.0.0.1:5002/signout-callback-oidc?next=https://evil.example/")]
    [InlineData("http://127.0.0.1:5002/signout-callback-oidc#x")]
    [InlineData("http://127.0.0.1:5002/SIGNOUT-CALLBACK-OIDC")]
    [InlineData("http://127.0.0.1:5002/%73ignout-callback-oidc")]
    [InlineData("https://doc-board.apps.cityhall.example/signout-callback-oidc")] // another client's registered URI
    [InlineData("javascript:alert(1)")]
    public async Task EndSession_PostLogoutRedirectUriNotRegisteredForTheClient_IsNeverFollowed(string postLogoutUri)
    {
        // Arrange: a signed-in person confirms the sign-out form (antiforgery token included) with a forged return address.
        using var client = portal.CreatePortalClient("192.0.2.85");
        await client.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
        var fields = new Dictionary<string, string>
        {
            ["client_id"] = OidcFlow.ClientId,
            ["post_logout_redirect_uri"] = postLogoutUri,
            ["state"] = "s-9",
        };
        var confirmPage = QueryHelpers.AddQueryString("/account/signout", fields.ToDictionary(f => f.Key, f => (string?)f.Value));

        // Act
        var get = await client.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", fields.ToDictionary(f => f.Key, f => (string?)f.Value)));
        var confirmed = await client.PostFormAsync("/connect/endsession", new Dictionary<string, string>(fields) { ["confirm"] = "yes" }, confirmPage);
        var withoutClient = await client.GetAsync("/connect/endsession?post_logout_redirect_uri=" + Uri.EscapeDataString(postLogoutUri));

        // Assert: refused, or sent to the portal's own confirmation page; never to the unregistered address.
        Assert.All(new[] { get, confirmed, withoutClient }, r =>
        {
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest || (r.Headers.Location is { } l && !l.ToString().StartsWith(postLogoutUri, StringComparison.Ordinal) && PortalClient.LocationPath(r) is not null),
                $"{(int)r.StatusCode} {r.Headers.Location}");
        });
        Assert.Equal(HttpStatusCode.BadRequest, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    /// <summary>A redirect stays on the site: a relative path (not scheme-relative) or an absolute URL to the test host.</summary>
    internal static void AssertStaysOnSite(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        Assert.NotNull(location);
        var target = new Uri(new Uri("http://localhost/"), location);
        Assert.True(target.Scheme == "http" && target.Host == "localhost" && !location.OriginalString.StartsWith("//", StringComparison.Ordinal)
            && !location.OriginalString.Contains('\\', StringComparison.Ordinal), $"redirects off-site: {location.OriginalString}");
    }
}
