using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>A portal whose per-address limit is low enough to reach in a test (10 failures from one address).</summary>
public sealed class SprayingPortal(SlapdFixture directory) : PortalApplicationFactory(directory, new Dictionary<string, string?>
{
    ["SignIn:Throttling:MaxFailuresPerClient"] = SprayingPortal.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    /// <summary>Failures one address may make within the window.</summary>
    public const int Limit = 10;
}

/// <summary>
/// Attacks on sign-in (issue #7, group 6): password spraying from one address across many accounts is throttled per
/// address, and a session cookie planted before sign-in is never the session after it (session fixation).
/// </summary>
public sealed class SignInAttackTests(SprayingPortal portal) : IClassFixture<SprayingPortal>
{
    [Fact]
    public async Task PasswordSpraying_OnePasswordAcrossManyAccountsFromOneAddress_IsBlockedForThatAddressOnly()
    {
        // Arrange: one guessed password tried once per account (so no account reaches its own limit), real and made-up logins.
        const string attacker = "198.51.100.7";
        var accounts = new[] { DemoAccounts.KimMinsu.Uid, DemoAccounts.LeeJiyoung.Uid, DemoAccounts.ParkJihoon.Uid, DemoAccounts.HanSeojun.Uid }
            .Concat(Enumerable.Range(1, SprayingPortal.Limit).Select(i => $"spray.target{i:00}"))
            .Take(SprayingPortal.Limit)
            .ToList();
        using var client = portal.CreatePortalClient(attacker);

        // Act
        var attempts = new List<HttpStatusCode>();
        foreach (var account in accounts)
        {
            attempts.Add((await client.SignInAsync(account, "Spring2026!")).StatusCode);
        }

        var rightPasswordFromAttacker = await client.SignInAsync(DemoAccounts.HanSeojun.Uid, DemoAccounts.Password);
        using var colleague = portal.CreatePortalClient("198.51.100.8");
        var rightPasswordElsewhere = await colleague.SignInAsync(DemoAccounts.HanSeojun.Uid, DemoAccounts.Password);

        // Assert: the first failures are ordinary refusals; then the address is blocked, even for a right password.
        Assert.All(attempts.Take(SprayingPortal.Limit - 1), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPasswordFromAttacker.StatusCode);
        Assert.True(rightPasswordFromAttacker.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.False(rightPasswordFromAttacker.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("gp_session=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Found, rightPasswordElsewhere.StatusCode);
    }

    [Fact]
    public async Task SessionFixation_CookiePlantedBeforeSignIn_IsReplacedAndNeverBecomesTheVictimsSession()
    {
        // Arrange: the attacker's own valid session, and a made-up value; each is planted in the victim's browser.
        using var attacker = portal.CreatePortalClient("198.51.100.20");
        var attackerSession = PortalClient.SessionCookie(await attacker.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password));
        foreach (var planted in new[] { attackerSession, "gp_session=CfDJ8planted-by-the-attacker" })
        {
            // Act: the victim signs in with the planted cookie in the jar.
            var signIn = await SignInWithCookieAsync(planted, DemoAccounts.LeeJiyoung.Uid);
            var issued = PortalClient.SessionCookie(signIn);
            var plantedAfterwards = await portal.GetWithCookieAsync("/me", planted);
            var victim = await portal.GetWithCookieAsync("/me", issued);

            // Assert: a new cookie; the planted one is still nobody or the attacker, never the victim.
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
            Assert.NotEqual(planted, issued);
            Assert.DoesNotContain("이지영", await plantedAfterwards.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Contains("이지영", await victim.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    /// <summary>The login form's GET and POST with nothing but the planted cookie and the antiforgery cookie.</summary>
    private async Task<HttpResponseMessage> SignInWithCookieAsync(string planted, string login)
    {
        using var http = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var get = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        get.Headers.Add("Cookie", planted);
        var form = await http.SendAsync(get, TestContext.Current.CancellationToken);
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var token = (await PortalClient.ParseAsync(form)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Login"] = login,
                ["Input.Password"] = DemoAccounts.Password,
            }),
        };
        post.Headers.Add("Cookie", planted + "; " + antiforgery[..antiforgery.IndexOf(';', StringComparison.Ordinal)]);
        post.Headers.Add("X-Forwarded-For", "198.51.100.21");
        return await http.SendAsync(post, TestContext.Current.CancellationToken);
    }
}
