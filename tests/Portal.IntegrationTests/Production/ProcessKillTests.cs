using System.Net;
using System.Text;
using System.Text.Json;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>
/// Two real portal processes on loopback sharing one PostgreSQL database, each with its own index folder (issue #6):
/// node A is killed with SIGKILL, and node B goes on serving what A issued.
/// </summary>
public sealed class ProcessKillTests(SlapdFixture directory, PostgresFixture postgres)
{
    private const string Issuer = "http://portal.test/";

    [Fact]
    public async Task NodeA_KilledWithSigkill_NodeBKeepsSessionsTokensSignInsAndDiscovery()
    {
        // Arrange: both nodes up (B after A, as a rolling start would); a session and tokens from A, checked on B.
        var cancellationToken = TestContext.Current.CancellationToken;
        using var indexA = new ScratchDirectory();
        using var indexB = new ScratchDirectory();
        var database = postgres.ConnectionStringFor("kill");
        await using var a = await PortalProcess.StartAsync("A", NodeSettings(database, indexA.Path), cancellationToken);
        await using var b = await PortalProcess.StartAsync("B", NodeSettings(database, indexB.Path), cancellationToken);
        using var onA = a.CreatePortalClient();
        var signIn = await onA.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
        Assert.True(PortalClient.RedirectsTo(signIn, "/"), $"sign-in on A: {signIn.StatusCode}\n{a}");
        var cookie = PortalClient.SessionCookie(signIn);
        var flowOnA = new OidcFlow(onA);
        var (redeemed, tokens) = await flowOnA.RedeemAsync(await flowOnA.GetCodeAsync());
        Assert.Equal(HttpStatusCode.OK, redeemed);
        using var meOnBBefore = await b.GetWithCookieAsync("/me", cookie);
        Assert.Equal(HttpStatusCode.OK, meOnBBefore.StatusCode);

        // Act
        a.Kill();
        using var me = await b.GetWithCookieAsync("/me", cookie);
        using var onB = b.CreatePortalClient("192.0.2.11");
        var (refreshed, _) = await new OidcFlow(onB).RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        var newSignIn = await onB.SignInAsync(DemoAccounts.LeeJiyoung.Uid, DemoAccounts.Password);
        using var discovery = await onB.GetAsync("/.well-known/openid-configuration");
        using var jwks = await onB.GetAsync("/.well-known/jwks");
        var aRefused = await RefusesConnectionsAsync(a.BaseAddress);

        // Assert
        Assert.True(aRefused, "node A still answers after SIGKILL");
        Assert.False(a.IsRunning);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshed);
        Assert.True(PortalClient.RedirectsTo(newSignIn, "/"), $"new sign-in on B: {newSignIn.StatusCode}\n{b}");
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        var metadata = JsonDocument.Parse(await discovery.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        Assert.Equal(Issuer, metadata.GetProperty("issuer").GetString());
        Assert.Equal(HttpStatusCode.OK, jwks.StatusCode);
        var kids = JsonDocument.Parse(await jwks.Content.ReadAsStringAsync(cancellationToken)).RootElement
            .GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        // A relying party that verified A's id_token keeps verifying tokens against B's key set.
        Assert.Contains(KeyIdOf(tokens.GetProperty("id_token").GetString()!), kids);
    }

    private Dictionary<string, string?> NodeSettings(string database, string indexPath)
    {
        var settings = PortalProcess.DefaultSettings(directory);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = database;
        settings["Search:IndexPath"] = indexPath;
        // Every request asks the database whether its session was ended, so nothing depends on a node's cache.
        settings["SignIn:SessionStatusCacheDuration"] = "00:00:00";
        // One issuer for both nodes, as behind the load balancer's single name.
        settings["Oidc:Issuer"] = Issuer;
        return settings;
    }

    private static async Task<bool> RefusesConnectionsAsync(Uri address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(address, "health/live"), TestContext.Current.CancellationToken);
            return false;
        }
        catch (HttpRequestException)
        {
            return true;
        }
    }

    private static string? KeyIdOf(string jwt)
    {
        var header = jwt.Split('.')[0].Replace('-', '+').Replace('_', '/');
        header = header.PadRight(header.Length + ((4 - (header.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header))).RootElement.GetProperty("kid").GetString();
    }
}
