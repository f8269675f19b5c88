using System.Diagnostics;
using System.Net;
using System.Text;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Operations;

/// <summary>
/// The operator verbs as an operator runs them: <c>dotnet GatewayPortal.Portal.dll &lt;verb&gt;</c> in a process of its own,
/// configured by environment variables, beside (or instead of) a running node on the same SQLite database.
/// </summary>
public sealed class OperatorCommandProcessTests(SlapdFixture directory)
{
    [Fact]
    public async Task ConfigCheck_BadSettings_ExitsThreeNamingEachKeyWithoutPrintingSecrets()
    {
        using var scratch = new ScratchDirectory();
        var settings = Settings(scratch);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = "Host=127.0.0.1;Username=portal;Password=Pg-Secret-4711";
        settings["Directory:ServiceBindPassword"] = "Bind-Secret-0815";
        settings["Directory:Servers:0"] = "ldap1.example";
        settings["Search:RefreshInterval"] = "soon";
        settings["Cluster:NodeName"] = "node a!";
        settings["Metrics:AllowedNetworks:0"] = "everyone";

        var (exit, output, error) = await RunAsync(settings, "config", "check");

        Assert.Equal(3, exit);
        Assert.Contains("Directory:Servers:0", error, StringComparison.Ordinal);
        Assert.Contains("Search:RefreshInterval", error, StringComparison.Ordinal);
        Assert.Contains("Cluster:NodeName", error, StringComparison.Ordinal);
        Assert.Contains("Metrics:AllowedNetworks", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Pg-Secret-4711", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Bind-Secret-0815", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_GoodSettings_ExitsZeroWithASummary()
    {
        using var scratch = new ScratchDirectory();
        var settings = Settings(scratch);
        settings["Cluster:NodeName"] = "node-a";

        var (exit, output, error) = await RunAsync(settings, "config", "check");

        Assert.True(exit == 0, error);
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
        Assert.Contains("Sqlite", output, StringComparison.Ordinal);
        Assert.Contains("node-a", output, StringComparison.Ordinal);
        Assert.Contains("Testing", output, StringComparison.Ordinal);
        Assert.DoesNotContain(settings["Directory:ServiceBindPassword"]!, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionsEnd_SignedInPerson_SessionNoLongerOpensPagesAndIndexRebuildWaitsForTheNode()
    {
        // Arrange: a running node (it migrates and seeds the database) and a signed-in person.
        var cancellationToken = TestContext.Current.CancellationToken;
        using var scratch = new ScratchDirectory();
        var settings = Settings(scratch);
        await using var node = await PortalProcess.StartAsync("A", settings, cancellationToken);
        using var client = node.CreatePortalClient();
        var signIn = await client.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
        var cookie = PortalClient.SessionCookie(signIn);
        using var before = await node.GetWithCookieAsync("/me", cookie);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        // Act
        var listed = await RunAsync(settings, "sessions", "list", DemoAccounts.KimMinsu.Uid);
        var ended = await RunAsync(settings, "sessions", "end", DemoAccounts.KimMinsu.Uid);
        var unknown = await RunAsync(settings, "sessions", "end", "nobody.here");
        using var after = await node.GetWithCookieAsync("/me", cookie);
        var whileRunning = await RunAsync(settings, "index", "rebuild");
        await node.StopAsync();
        var whileStopped = await RunAsync(settings, "index", "rebuild");

        // Assert
        Assert.True(listed.Exit == 0, listed.Error);
        Assert.Contains("1 running sessions of kim.minsu", listed.Output, StringComparison.Ordinal);
        Assert.True(ended.Exit == 0, ended.Error);
        Assert.Contains("ended 1 sessions of kim.minsu", ended.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Search index opened", listed.Error + ended.Error, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("no person 'nobody.here'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, whileRunning.Exit);
        Assert.Contains("/admin/search", whileRunning.Error, StringComparison.Ordinal);
        Assert.True(whileStopped.Exit == 0, whileStopped.Error);
        Assert.Contains("rebuilt", whileStopped.Output, StringComparison.Ordinal);
        Assert.Contains("done", whileStopped.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogExport_ThenImportDryRun_RoundTripsAndABrokenFileNamesLineAndField()
    {
        // Arrange: a node started once migrates and seeds the demo catalogue.
        var cancellationToken = TestContext.Current.CancellationToken;
        using var scratch = new ScratchDirectory();
        var settings = Settings(scratch);
        await using (var node = await PortalProcess.StartAsync("A", settings, cancellationToken))
        {
            await node.StopAsync();
        }

        // Act
        var exportJson = await RunAsync(settings, "catalog", "export", scratch.File("apps.json"));
        var exportCsv = await RunAsync(settings, "catalog", "export", scratch.File("apps.csv"));
        var dryJson = await RunAsync(settings, "catalog", "import", scratch.File("apps.json"), "--dry-run");
        var dryCsv = await RunAsync(settings, "catalog", "import", scratch.File("apps.csv"), "--dry-run");
        var csv = await File.ReadAllLinesAsync(scratch.File("apps.csv"), cancellationToken);
        var header = csv[0].TrimStart('\uFEFF').Split(',');
        var broken = csv[1].Split(',');
        broken[Array.IndexOf(header, "redirectUris")] = "not-a-url";
        await File.WriteAllLinesAsync(scratch.File("broken.csv"), [csv[0], string.Join(',', broken)], cancellationToken);
        var rejected = await RunAsync(settings, "catalog", "import", scratch.File("broken.csv"));
        var toStdout = await RunAsync(settings, "catalog", "export", "-", "--format", "json");

        // Assert
        Assert.True(exportJson.Exit == 0, exportJson.Error);
        Assert.True(exportCsv.Exit == 0, exportCsv.Error);
        // A running node holds its index: the catalogue verbs must never open it (the nodes follow the change feed).
        Assert.DoesNotContain("Search index opened", exportJson.Error + exportCsv.Error + dryJson.Error + rejected.Error, StringComparison.Ordinal);
        Assert.True(dryJson.Exit == 0, dryJson.Error);
        Assert.Contains("0 would be created", dryJson.Output, StringComparison.Ordinal);
        Assert.True(dryCsv.Exit == 0, dryCsv.Error);
        Assert.Contains("0 would be created", dryCsv.Output, StringComparison.Ordinal);
        Assert.Equal(1, rejected.Exit);
        Assert.Contains("broken.csv:2", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("redirectUris", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was saved", rejected.Error, StringComparison.Ordinal);
        Assert.Equal(0, toStdout.Exit);
        Assert.Equal(await File.ReadAllTextAsync(scratch.File("apps.json"), cancellationToken), toStdout.Output);
    }

    private Dictionary<string, string?> Settings(ScratchDirectory scratch)
    {
        var settings = PortalProcess.DefaultSettings(directory);
        settings["Database:ConnectionString"] = $"Data Source={scratch.File("portal.db")}";
        settings["Search:IndexPath"] = scratch.File("index");
        settings["SignIn:SessionStatusCacheDuration"] = "00:00:00";
        settings["Oidc:Issuer"] = "http://portal.test/";
        return settings;
    }

    // The verb as its own process, the way PortalProcess starts a node: content root as working directory, settings as environment.
    private static async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var (exit, output, error) = await PortalCommandProcess.RunAsync(arguments, settings, TestContext.Current.CancellationToken, TimeSpan.FromMinutes(2));
        return (exit, output, error);
    }
}
