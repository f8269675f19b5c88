using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GatewayPortal.Identity.Oidc.Keys;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Portal.Operations;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>
/// <c>keys list|rotate|retire</c> against two nodes on one PostgreSQL database: a change made by the command line (a
/// separate process, or the command on one node's services) is in force on both nodes within Oidc:KeyRefreshInterval.
/// </summary>
public sealed class OidcKeyCommandTests(SlapdFixture directory, PostgresFixture postgres)
{
    private const string Issuer = "http://portal.test/";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task KeysRetire_RunAsRealProcess_BothNodesDropTheKidAndRefuseTokensItSigned()
    {
        // Arrange: tokens from node A signed by the key in use.
        var cancellationToken = TestContext.Current.CancellationToken;
        var database = postgres.ConnectionStringFor("keyretire");
        await using var a = StartNode(database, "node-a");
        await using var b = StartNode(database, "node-b");
        using var onA = a.CreatePortalClient();
        await onA.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
        var flowOnA = new OidcFlow(onA);
        var (_, tokens) = await flowOnA.RedeemAsync(await flowOnA.GetCodeAsync());
        var leaked = new JsonWebToken(tokens.GetProperty("id_token").GetString()).Kid;
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var verb = VerbSettings(database);
        Assert.Equal(HttpStatusCode.OK, await UserInfoAsync(b, accessToken));

        // Act
        var inUse = await PortalCommandProcess.RunAsync(["keys", "retire", leaked], verb, cancellationToken, TimeSpan.FromMinutes(2));
        var unknown = await PortalCommandProcess.RunAsync(["keys", "retire", "no-such-kid"], verb, cancellationToken, TimeSpan.FromMinutes(2));
        var listBefore = await PortalCommandProcess.RunAsync(["keys", "list"], verb, cancellationToken, TimeSpan.FromMinutes(2));
        var retire = await PortalCommandProcess.RunAsync(["keys", "retire", leaked, "--rotate"], verb, cancellationToken, TimeSpan.FromMinutes(2));
        var listAfter = await PortalCommandProcess.RunAsync(["keys", "list"], verb, cancellationToken, TimeSpan.FromMinutes(2));
        var kidsOnB = await Eventually.UntilAsync(() => KidsAsync(b), kids => !kids.Contains(leaked), Bound, $"node B's JWKS drops {leaked}");
        var kidsOnA = await Eventually.UntilAsync(() => KidsAsync(a), kids => !kids.Contains(leaked), Bound, $"node A's JWKS drops {leaked}");
        var refused = await Eventually.UntilAsync(() => UserInfoAsync(b, accessToken), s => s == HttpStatusCode.Unauthorized, Bound, "node B refuses the token the retired key signed");
        using var onB = b.CreatePortalClient("192.0.2.11");
        await onB.SignInAsync(DemoAccounts.LeeJiyoung.Uid, DemoAccounts.Password);
        var flowOnB = new OidcFlow(onB);
        var (_, fresh) = await flowOnB.RedeemAsync(await flowOnB.GetCodeAsync());
        var freshKid = new JsonWebToken(fresh.GetProperty("id_token").GetString()).Kid;

        // Assert
        Assert.True(inUse.ExitCode == PortalCommandExit.Usage, $"{inUse.ExitCode}\n{inUse.Error}");
        Assert.Contains("--rotate", inUse.Error, StringComparison.Ordinal);
        Assert.Equal(PortalCommandExit.Usage, unknown.ExitCode);
        Assert.Contains("no-such-kid", unknown.Error, StringComparison.Ordinal);
        Assert.Contains($"{leaked}\tsig\tES256\t", listBefore.Output, StringComparison.Ordinal); // The default client signs with ES256.
        Assert.Contains("\tactive", Row(listBefore.Output, leaked), StringComparison.Ordinal);
        Assert.True(retire.ExitCode == PortalCommandExit.Ok, $"{retire.ExitCode}\n{retire.Error}");
        Assert.Contains($"retired\t{leaked}", retire.Output, StringComparison.Ordinal);
        Assert.EndsWith("\tretired", Row(listAfter.Output, leaked), StringComparison.Ordinal);
        Assert.DoesNotContain(leaked, kidsOnB);
        Assert.DoesNotContain(leaked, kidsOnA);
        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.NotEqual(leaked, freshKid);
        Assert.Contains(freshKid, kidsOnB);
    }

    [Fact]
    public async Task KeysRotate_CommandOnNodeA_NewIdTokensCarryTheNewKidOnBothNodes()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var database = postgres.ConnectionStringFor("keyrotate");
        await using var a = StartNode(database, "node-a");
        await using var b = StartNode(database, "node-b");
        var keys = a.Services.GetServices<IPortalCommand>().Single(c => c.Name == "keys");
        var ring = a.Services.GetRequiredService<OidcKeyRing>();
        var before = await ring.ListAsync(cancellationToken);
        var oldKid = before.Single(k => k.Algorithm == "ES256" && k.Status == "active").Id;

        // Act
        var bad = await RunAsync(keys, a, ["rotate", "signing"]);
        var unchanged = await ring.ListAsync(cancellationToken);
        var rotate = await RunAsync(keys, a, ["rotate", "sig"]);
        var after = await ring.ListAsync(cancellationToken);
        var newKid = after.Single(k => k.Algorithm == "ES256" && k.Status == "active").Id;
        var kidOnA = await Eventually.UntilAsync(() => IdTokenKidAsync(a, DemoAccounts.KimMinsu.Uid), kid => kid == newKid, Bound, "node A signs with the new key");
        var kidOnB = await Eventually.UntilAsync(() => IdTokenKidAsync(b, DemoAccounts.LeeJiyoung.Uid), kid => kid == newKid, Bound, "node B signs with the new key");
        var kidsOnB = await KidsAsync(b);

        // Assert
        Assert.Equal(PortalCommandExit.Usage, bad.Exit);
        Assert.Equal(before, unchanged);
        Assert.True(rotate.Exit == PortalCommandExit.Ok, rotate.Error);
        Assert.Contains($"retained\t{oldKid}", rotate.Out, StringComparison.Ordinal);
        Assert.Contains($"active\tsig\t{newKid}", rotate.Out, StringComparison.Ordinal);
        Assert.NotEqual(oldKid, newKid);
        Assert.Equal("retained", after.Single(k => k.Id == oldKid).Status);
        Assert.Equal(before.Single(k => k.Use == "enc" && k.Status == "active").Id, after.Single(k => k.Use == "enc" && k.Status == "active").Id);
        Assert.Equal(newKid, kidOnA);
        Assert.Equal(newKid, kidOnB);
        Assert.Contains(oldKid, kidsOnB); // Retained: tokens it signed still validate.
    }

    private PortalApplicationFactory StartNode(string database, string name)
    {
        var node = new PortalApplicationFactory(directory, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = database,
            ["Oidc:Issuer"] = Issuer,
            ["Oidc:KeyRefreshInterval"] = "00:00:01",
            ["Cluster:NodeName"] = name,
        });
        node.CreateClient().Dispose();
        return node;
    }

    private Dictionary<string, string?> VerbSettings(string database)
    {
        var settings = PortalProcess.DefaultSettings(directory);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = database;
        settings["Oidc:Issuer"] = Issuer;
        return settings;
    }

    private static string Row(string table, string kid) =>
        table.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(kid + "\t", StringComparison.Ordinal)) ?? $"(no row for {kid} in)\n{table}";

    private static async Task<(int Exit, string Out, string Error)> RunAsync(IPortalCommand command, PortalApplicationFactory node, string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command.RunAsync(new PortalCommandContext(node.Services, arguments, output, error), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<List<string>> KidsAsync(PortalApplicationFactory node)
    {
        using var client = node.CreateClient();
        var jwks = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/jwks", UriKind.Relative), TestContext.Current.CancellationToken)).RootElement;
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }

    private static async Task<HttpStatusCode> UserInfoAsync(PortalApplicationFactory node, string accessToken)
    {
        using var client = node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<string> IdTokenKidAsync(PortalApplicationFactory node, string login)
    {
        using var browser = node.CreatePortalClient();
        await browser.SignInAsync(login, DemoAccounts.Password);
        var flow = new OidcFlow(browser);
        var (_, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        return new JsonWebToken(tokens.GetProperty("id_token").GetString()).Kid;
    }
}
