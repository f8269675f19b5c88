using System.Net;
using System.Text.Json;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Storage;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Oidc;

/// <summary>
/// Every code redemption and refresh grant asks again what <c>/connect/authorize</c> asked: may this person use this
/// application now, and is the portal session still alive (issue #13, section 1)?
/// </summary>
public sealed class GrantPolicyTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(PortalClient Browser, OidcFlow Flow)> SignedInAsync()
    {
        var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        return (browser, new OidcFlow(browser));
    }

    private static string RefreshToken(JsonElement tokens) => tokens.GetProperty("refresh_token").GetString()!;

    [Fact]
    public async Task Refresh_PersonNoLongerInAllowedGroups_IsInvalidGrant()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());

        try
        {
            // Act: the application is now for finance staff only.
            await ChangeApplicationAsync(a => a.AllowedGroups = ["role-finance"]);
            var (status, body) = await flow.RefreshAsync(RefreshToken(tokens));

            // Assert
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        }
        finally
        {
            await ChangeApplicationAsync(a => a.AllowedGroups = ["staff-hq"]);
        }
    }

    [Theory]
    [InlineData(ApplicationStatus.Retired)]
    [InlineData(ApplicationStatus.Maintenance)]
    public async Task Refresh_ApplicationRetiredOrInMaintenance_IsInvalidGrant(ApplicationStatus status)
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());

        try
        {
            // Act
            await ChangeApplicationAsync(a => a.Status = status);
            var (refreshStatus, body) = await flow.RefreshAsync(RefreshToken(tokens));

            // Assert
            Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
            Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        }
        finally
        {
            await ChangeApplicationAsync(a => a.Status = ApplicationStatus.Active);
        }
    }

    [Fact]
    public async Task Redeem_CodeIssuedBeforeApplicationRetired_IsInvalidGrantAndAudited()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var code = await flow.GetCodeAsync();
        var before = await RefusedGrantCountAsync();

        try
        {
            // Act
            await ChangeApplicationAsync(a => a.Status = ApplicationStatus.Retired);
            var (status, body) = await flow.RedeemAsync(code);

            // Assert
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
            Assert.True(await WaitForAsync(async () => await RefusedGrantCountAsync() > before), "the refused grant is in the audit log");
        }
        finally
        {
            await ChangeApplicationAsync(a => a.Status = ApplicationStatus.Active);
        }
    }

    [Fact]
    public async Task Refresh_PersonDisabledInDirectory_IsRefusedOnceTheNodesReadIsOlderThanTheMaxAge()
    {
        // Arrange: a generated headquarters person no other test uses, with tokens; the sign-in's directory read
        // answers the grants of the next 60 seconds (Oidc:GrantDirectoryReadMaxAge).
        var organization = portal.Directory.Organization;
        var secondFactor = organization.Groups.Where(g => g.Name is "role-finance" or "role-sysadmin").SelectMany(g => g.Members).ToHashSet(StringComparer.Ordinal);
        var person = organization.People.Where(p => !p.IsDisabled && p.Team.IsHeadquarters && !secondFactor.Contains(p.DistinguishedName)).ElementAt(41);
        using var browser = portal.CreatePortalClient();
        await browser.SignInAsync(person.Uid, CityHall.GeneratedUserPassword);
        var flow = new OidcFlow(browser);
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());

        try
        {
            // Act: the directory marks the person retired; the application refreshes once the read is 61 s old.
            DirectoryAdmin.SetEmployeeType(portal.Directory, person.DistinguishedName, "퇴직");
            portal.Clock.Advance(TimeSpan.FromSeconds(61));
            var (status, body) = await flow.RefreshAsync(RefreshToken(tokens));

            // Assert
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        }
        finally
        {
            DirectoryAdmin.SetEmployeeType(portal.Directory, person.DistinguishedName, "재직");
        }
    }

    [Fact]
    public async Task Refresh_SessionPastItsAbsoluteLifetime_IsInvalidGrant()
    {
        // Arrange: a five-minute session.
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var (earlyStatus, early) = await flow.RefreshAsync(RefreshToken(tokens));

        // Act
        portal.Clock.Advance(TimeSpan.FromMinutes(6));
        var (lateStatus, late) = await flow.RefreshAsync(RefreshToken(early));

        // Assert
        Assert.Equal(HttpStatusCode.OK, earlyStatus);
        Assert.Equal(HttpStatusCode.BadRequest, lateStatus);
        Assert.Equal("invalid_grant", late.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Refresh_IssuedToken_ExpiresNoLaterThanTheSession()
    {
        // Arrange
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var signedIn = portal.Clock.GetUtcNow();

        // Act
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, refreshed) = await flow.RefreshAsync(RefreshToken(tokens));
        var (_, introspected) = await flow.PostAsync("/connect/introspect", new() { ["token"] = RefreshToken(refreshed) });

        // Assert: the session ends five minutes after sign-in; the configured refresh lifetime is a day.
        var sessionEnd = signedIn.AddMinutes(5).ToUnixTimeSeconds();
        Assert.True(introspected.GetProperty("active").GetBoolean(), introspected.ToString());
        Assert.InRange(introspected.GetProperty("exp").GetInt64(), sessionEnd - 60, sessionEnd + 1);
    }

    [Fact]
    public async Task Refresh_SessionWithoutARow_IsInvalidGrant()
    {
        // Arrange: the session's row is gone, as after restoring a backup taken before the sign-in.
        var earlier = await SessionIdsAsync();
        var (browser, flow) = await SignedInAsync();
        using var disposeBrowser = browser;
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var sessionId = await DeleteNewSessionAsync(earlier);

        // Act
        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        var (status, body) = await flow.RefreshAsync(RefreshToken(tokens));

        // Assert
        Assert.NotNull(sessionId);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task SessionCookie_SessionWithoutARow_IsSignedOut()
    {
        // Arrange
        var earlier = await SessionIdsAsync();
        var (browser, _) = await SignedInAsync();
        using var disposeBrowser = browser;
        var before = await browser.GetAsync("/");
        await DeleteNewSessionAsync(earlier);

        // Act
        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        var after = await browser.GetAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(PortalClient.RedirectsTo(after, "/account/login"), after.StatusCode.ToString());
    }

    private async Task ChangeApplicationAsync(Action<PortalApplication> change)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationsDbContext>();
        change(await db.Applications.SingleAsync(a => a.ClientId == OidcFlow.ClientId, Cancel));
        await db.SaveChangesAsync(Cancel);
        scope.ServiceProvider.GetRequiredService<ApplicationCatalogue>().Invalidate();
    }

    private async Task<HashSet<string>> SessionIdsAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
        return (await db.PortalSessions.Where(s => s.Login == "kim.minsu").Select(s => s.SessionId).ToListAsync(Cancel)).ToHashSet();
    }

    /// <summary>Deletes the row of the one session signed in since <paramref name="earlier"/> was read (rows are written in batches: waits for it).</summary>
    private async Task<string?> DeleteNewSessionAsync(HashSet<string> earlier)
    {
        string? sessionId = null;
        await WaitForAsync(async () =>
        {
            sessionId = (await SessionIdsAsync()).Except(earlier).SingleOrDefault();
            if (sessionId is not null)
            {
                await using var scope = portal.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
                await db.PortalSessions.Where(s => s.SessionId == sessionId).ExecuteDeleteAsync(Cancel);
            }

            return sessionId is not null;
        });
        return sessionId;
    }

    private async Task<int> RefusedGrantCountAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
        return await db.SignInAudit.CountAsync(a => a.Outcome == Identity.Audit.SignInOutcome.ApplicationAccessDenied && a.Reason!.StartsWith("token:"), Cancel);
    }

    private static Task<bool> WaitForAsync(Func<Task<bool>> done) =>
        Eventually.TryUntilAsync(done, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
}
