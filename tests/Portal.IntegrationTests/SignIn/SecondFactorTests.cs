using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using OtpNet;

namespace GatewayPortal.Portal.IntegrationTests.SignIn;

/// <summary>TOTP for members of the configured groups: enrolment with a QR code, recovery codes, no replay.</summary>
public sealed class SecondFactorTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task SecondFactor_MemberOfRequiredGroup_EnrolsThenSignsInWithRecoveryCodeOnce()
    {
        // Arrange: choi.yuna is in role-finance, nested in mfa-required.
        using var client = portal.CreatePortalClient("192.0.2.50");

        // Act 1: the password alone does not open the portal.
        var password = await client.SignInAsync(DemoAccounts.ChoiYuna.Uid, DemoAccounts.Password);
        var blocked = await client.GetAsync("/");

        // Assert 1
        Assert.True(PortalClient.RedirectsTo(password, "/account/second-factor/enroll"), password.Headers.Location?.ToString());
        Assert.True(PortalClient.RedirectsTo(blocked, "/account/login"));

        // Act 2: enrol with the secret shown on the page (as an authenticator app would).
        var (_, enrolPage) = await client.GetDocumentAsync("/account/second-factor/enroll");
        var secret = enrolPage.QuerySelector("code.secret")?.TextContent ?? throw new InvalidOperationException("no secret");
        Assert.StartsWith("data:image/png;base64,", enrolPage.QuerySelector("img.qr")?.GetAttribute("src"), StringComparison.Ordinal);
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);
        var confirmed = await client.PostFormAsync("/account/second-factor/enroll", new Dictionary<string, string> { ["_handler"] = "enroll", ["Code"] = code });
        var confirmedPage = await PortalClient.ParseAsync(confirmed);
        var recoveryCodes = confirmedPage.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        var home = await client.GetAsync("/");

        // Assert 2
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // Act 3: next sign-in asks for a code; the code already used is refused, a recovery code works once.
        await client.PostFormAsync("/authentication/logout", new Dictionary<string, string>(), "/");
        var again = await client.SignInAsync(DemoAccounts.ChoiYuna.Uid, DemoAccounts.Password);
        var replay = await client.PostFormAsync("/account/second-factor", new Dictionary<string, string> { ["_handler"] = "second-factor", ["Code"] = code });
        var recovery = await client.PostFormAsync("/account/second-factor", new Dictionary<string, string> { ["_handler"] = "second-factor", ["Code"] = recoveryCodes[0] });
        await client.PostFormAsync("/authentication/logout", new Dictionary<string, string>(), "/");
        await client.SignInAsync(DemoAccounts.ChoiYuna.Uid, DemoAccounts.Password);
        var reusedRecovery = await client.PostFormAsync("/account/second-factor", new Dictionary<string, string> { ["_handler"] = "second-factor", ["Code"] = recoveryCodes[0] });

        // Assert 3
        Assert.True(PortalClient.RedirectsTo(again, "/account/second-factor?"), again.Headers.Location?.ToString());
        Assert.Equal("인증 코드가 올바르지 않습니다.", (await PortalClient.ParseAsync(replay)).QuerySelector("[role=alert]")?.TextContent);
        Assert.True(PortalClient.RedirectsTo(recovery, "/"), recovery.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, reusedRecovery.StatusCode);
        Assert.Equal("인증 코드가 올바르지 않습니다.", (await PortalClient.ParseAsync(reusedRecovery)).QuerySelector("[role=alert]")?.TextContent);
    }
}
