using System.Net;
using AngleSharp.Html.Dom;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Admin;

/// <summary>Server-side sessions: administrators see and end them; an ended session's cookie and tokens stop working.</summary>
public sealed class SessionAdminTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task EndSession_ByAdministrator_SignsThePersonOutAndRefusesTheirApplicationsRefreshTokens()
    {
        // Arrange: lee.jiyoung signs in from a distinctive address and into the sample application.
        using var person = portal.CreatePortalClient("198.51.100.31");
        await person.SignInAsync("lee.jiyoung", DemoAccounts.Password);
        var flow = new OidcFlow(person);
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);
        // Session rows are written in batches in the background: wait for the one from this address.
        var sessions = await admin.GetDocumentUntilAsync("/admin/sessions?login=lee.jiyoung", p => SessionRow(p, "198.51.100.31") is not null);
        var sid = SessionRow(sessions, "198.51.100.31")!.QuerySelector("input[name=sid]")!.GetAttribute("value")!;

        // Act
        var end = await admin.PostFormAsync("/admin/sessions/end", new Dictionary<string, string> { ["sid"] = sid }, "/admin/sessions");
        var personNext = await person.GetAsync("/");
        var (refreshStatus, refresh) = await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        var (_, listAfter) = await admin.GetDocumentAsync("/admin/sessions?login=lee.jiyoung");
        var (_, notice) = await admin.GetDocumentAsync(PortalClient.LocationPath(end)!);

        // Assert
        Assert.True(PortalClient.RedirectsTo(end, "/admin/sessions?ended=true"), end.Headers.Location?.ToString());
        Assert.True(PortalClient.RedirectsTo(personNext, "/account/login"), personNext.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
        Assert.Equal("invalid_grant", refresh.GetProperty("error").GetString());
        Assert.DoesNotContain(listAfter.QuerySelectorAll("input[name=sid]"), input => input.GetAttribute("value") == sid);
        Assert.NotNull(notice.QuerySelector(".notice[role=status]"));
    }

    [Fact]
    public async Task SignOut_OldCookieReplayedAfterwards_IsRefused()
    {
        // Arrange: keep the session cookie as a thief would.
        using var person = portal.CreatePortalClient("198.51.100.32");
        var signIn = await person.SignInAsync("kim.minsu", DemoAccounts.Password);
        var stolen = PortalClient.SessionCookie(signIn);
        var replayBefore = await portal.GetWithCookieAsync("/me", stolen);

        // Act
        await person.PostFormAsync("/authentication/logout", new Dictionary<string, string>(), "/");
        var replayAfter = await portal.GetWithCookieAsync("/me", stolen);

        // Assert
        Assert.Equal(HttpStatusCode.OK, replayBefore.StatusCode);
        Assert.True(PortalClient.RedirectsTo(replayAfter, "/account/login"), replayAfter.StatusCode.ToString());
    }

    [Fact]
    public async Task SessionsPage_NonAdministrator_IsDeniedAndEndWithoutTokenIsRejected()
    {
        // Arrange
        using var person = portal.CreatePortalClient();
        await person.SignInAsync("kim.minsu", DemoAccounts.Password);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);

        // Act
        var page = await person.GetAsync("/admin/sessions");
        var end = await person.PostFormAsync("/admin/sessions/end", new Dictionary<string, string> { ["sid"] = "x" }, "/");
        var forged = await admin.PostFormAsync("/admin/sessions/end", new Dictionary<string, string> { ["sid"] = "x" }, withToken: false);
        var unknown = await admin.PostFormAsync("/admin/sessions/end", new Dictionary<string, string> { ["sid"] = "no-such-session" }, "/admin/sessions");

        // Assert
        Assert.True(PortalClient.RedirectsTo(page, "/account/access-denied"), page.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(end, "/account/access-denied"), end.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(PortalClient.RedirectsTo(unknown, "/admin/sessions?notfound=true"), unknown.Headers.Location?.ToString());
    }

    private static IHtmlTableRowElement? SessionRow(IHtmlDocument page, string address) =>
        page.QuerySelectorAll("tbody tr").OfType<IHtmlTableRowElement>().FirstOrDefault(r => r.TextContent.Contains(address, StringComparison.Ordinal));
}
