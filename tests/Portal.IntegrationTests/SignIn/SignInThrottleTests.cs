using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.SignIn;

/// <summary>
/// The throttle against the real portal and slapd: a stranger cannot lock a person out, and every spelling of a
/// login is one login for the throttle and the audit (issue #13).
/// </summary>
public sealed class SignInThrottleTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task SignIn_StrangerHammersFromAnotherAddress_PersonSignsInFromTheirOwn()
    {
        // Arrange: a generated person no other test uses; a stranger fails ten times from one address.
        var person = portal.Directory.Organization.People.Where(p => !p.IsDisabled).ElementAt(1001);
        using var stranger = portal.CreatePortalClient("192.0.2.40");
        var strangerResponses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            strangerResponses.Add(await stranger.SignInAsync(person.Uid, "not-the-password"));
        }

        using var owner = portal.CreatePortalClient("192.0.2.41");

        // Act
        var signIn = await owner.SignInAsync(person.Uid, CityHall.GeneratedUserPassword);

        // Assert: the stranger is locked out, the person is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, strangerResponses[^1].StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("gp_session", PortalClient.SessionCookie(signIn), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_CompatibilitySpellings_AreAuditedAndThrottledAsTheCanonicalUid()
    {
        // Arrange: full-width letters, a Kelvin sign for k where there is one, a no-break space.
        var person = portal.Directory.Organization.People.Where(p => !p.IsDisabled).ElementAt(1002);
        var fullWidth = string.Concat(person.Uid.Select(c => c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'ａ') : c));
        string[] spellings = [fullWidth, person.Uid.ToUpperInvariant().Replace('K', '\u212A') + "\u00A0", "\u3000" + person.Uid];
        using var client = portal.CreatePortalClient("192.0.2.42");
        foreach (var spelling in spellings)
        {
            await client.SignInAsync(spelling, "not-the-password");
        }

        // Act: two more failures make five for one login from this address.
        await client.SignInAsync(person.Uid, "not-the-password");
        var fifth = await client.SignInAsync(fullWidth, "not-the-password");
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);
        var rows = await admin.WaitForTableRowsAsync($"/admin/audit?user={person.Uid}&ip=192.0.2.42", 5);
        var byOtherSpelling = await admin.WaitForTableRowsAsync($"/admin/audit?user={Uri.EscapeDataString(fullWidth.ToUpperInvariant())}&ip=192.0.2.42", 5);

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(5, rows.Count);
        Assert.Equal(5, byOtherSpelling.Count);
        Assert.All(rows, r => Assert.Contains(person.Uid, r, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("k\u0130m.minsu", "ko", "아이디는 영문, 숫자")] // dotted capital I
    [InlineData("\uAE40\uBBFC\uC218", "ko", "이메일 주소 또는 직원번호")] // a Hangul name
    [InlineData("kim minsu", "en", "e-mail address or employee number")]
    public async Task SignIn_LoginOutsideTheAlphabet_ShowsWhatALoginLooksLike(string login, string culture, string message)
    {
        // Arrange
        using var client = portal.CreatePortalClient("192.0.2.43");
        if (culture == "en")
        {
            await client.PostFormAsync("/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/account/login" }, "/account/login");
        }

        // Act
        var response = await client.SignInAsync(login, DemoAccounts.Password);

        // Assert: a field message in the user's language, no session.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".validation-message")?.TextContent, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("gp_session=", StringComparison.Ordinal)));
    }
}
