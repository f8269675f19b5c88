using System.Net;
using System.Net.Http.Headers;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>What several nodes share through PostgreSQL: sessions, their ending, tokens and keys.</summary>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Session_FromNodeA_IsValidOnNodeB_AndSigningOutOnA_EndsItOnB()
    {
        // Arrange
        using var onA = nodes.A.CreatePortalClient("198.51.100.71");
        var signIn = await onA.SignInAsync("lee.jiyoung", DemoAccounts.Password);
        var cookie = PortalClient.SessionCookie(signIn);
        var onBBefore = await nodes.B.GetWithCookieAsync("/me", cookie);

        // Act
        await onA.PostFormAsync("/authentication/logout", new Dictionary<string, string>(), "/");
        var onBAfter = await nodes.B.GetWithCookieAsync("/me", cookie);

        // Assert
        Assert.Equal(HttpStatusCode.OK, onBBefore.StatusCode);
        Assert.True(PortalClient.RedirectsTo(onBAfter, "/account/login"), onBAfter.StatusCode.ToString());
    }

    [Fact]
    public async Task Tokens_IssuedByNodeA_AreAcceptedAndRefreshedByNodeB()
    {
        // Arrange
        using var onA = nodes.A.CreatePortalClient();
        await onA.SignInAsync("kim.minsu", DemoAccounts.Password);
        var flowOnA = new OidcFlow(onA);
        var (_, tokens) = await flowOnA.RedeemAsync(await flowOnA.GetCodeAsync());
        using var onB = nodes.B.CreatePortalClient();
        var flowOnB = new OidcFlow(onB);

        // Act
        using var userInfoRequest = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfoRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        using var userInfo = await onB.Http.SendAsync(userInfoRequest, TestContext.Current.CancellationToken);
        var (refreshStatus, refreshed) = await flowOnB.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        Assert.Contains("kim.minsu", await userInfo.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refreshStatus);
        Assert.True(refreshed.TryGetProperty("access_token", out _));
    }
}
