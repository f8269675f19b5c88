using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>Losing a node: the other keeps serving sessions and tokens that the lost one issued.</summary>
public sealed class NodeLossTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task NodeA_Stopped_NodeBKeepsItsSessionsAndRefreshesItsTokens()
    {
        // Arrange: a session and tokens from node A.
        using var onA = nodes.A.CreatePortalClient();
        var signIn = await onA.SignInAsync("kim.minsu", DemoAccounts.Password);
        var flowOnA = new OidcFlow(onA);
        var (_, tokens) = await flowOnA.RedeemAsync(await flowOnA.GetCodeAsync());
        var cookie = PortalClient.SessionCookie(signIn);

        // Act
        await nodes.A.DisposeAsync();
        using var me = await nodes.B.GetWithCookieAsync("/me", cookie);
        using var onB = nodes.B.CreatePortalClient();
        var (refreshStatus, _) = await new OidcFlow(onB).RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        var newSignIn = await onB.SignInAsync("lee.jiyoung", DemoAccounts.Password);

        // Assert
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshStatus);
        Assert.True(PortalClient.RedirectsTo(newSignIn, "/"), newSignIn.StatusCode.ToString());
    }
}
