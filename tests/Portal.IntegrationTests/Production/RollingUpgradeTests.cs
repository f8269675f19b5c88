using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>
/// Upgrades as an operator runs them (issue #17, docs/production.md "Upgrades"): real processes on one PostgreSQL database,
/// nodes that do not migrate at start, the <c>migrate</c> verb before them. A newer release is played by this build with
/// <c>Testing:SchemaVersion</c> (never honoured in Production): release 2 only expands the schema, release 3 contracts it.
/// </summary>
public sealed class RollingUpgradeTests(SlapdFixture directory, PostgresFixture postgres)
{
    private const string StackFrame = "   at ";

    [Fact]
    public async Task RollingUpgrade_ExpandOnlyNewerSchema_OldAndUpgradedNodesBothServe_ContractedSchemaRefusesTheOldNode()
    {
        // Arrange: release 1 settings on a new database, nodes told not to migrate at start.
        var cancellationToken = TestContext.Current.CancellationToken;
        using var indexA = new ScratchDirectory();
        using var indexB = new ScratchDirectory();
        using var indexVerbs = new ScratchDirectory();
        var database = postgres.ConnectionStringFor("upgrade");
        var release1 = NodeSettings(database, indexA.Path, release: null);
        var release2 = NodeSettings(database, indexB.Path, release: (2, 1));
        var release3 = NodeSettings(database, indexVerbs.Path, release: (3, 2));

        // Act 1: a node before `migrate` refuses; `migrate` applies everything (a second run is MigrateCommandTests').
        var unmigrated = await PortalCommandProcess.RunAsync([], release1, cancellationToken);
        var migrate = await PortalCommandProcess.RunAsync(["migrate"], release1, cancellationToken);

        // Assert 1
        Assert.True(unmigrated.ExitCode == 3, unmigrated.ToString());
        Assert.Contains("Issue17Schema", unmigrated.Output, StringComparison.Ordinal);
        Assert.Contains("dotnet GatewayPortal.Portal.dll migrate", unmigrated.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, unmigrated.Output + unmigrated.Error, StringComparison.Ordinal);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("_Initial", migrate.Output, StringComparison.Ordinal);
        Assert.Contains("schema version 1 ", migrate.Output, StringComparison.Ordinal);

        // Act 2: node A (release 1) serves; release 2 migrates (expand only); A restarts on the newer schema; B runs release 2.
        await using var a = await PortalProcess.StartAsync("A (release 1)", release1, cancellationToken);
        var upgrade = await PortalCommandProcess.RunAsync(["migrate"], NodeSettings(database, indexVerbs.Path, release: (2, 1)), cancellationToken);
        await a.StopAsync();
        var restartMark = a.OutputMark;
        await a.RestartAsync(cancellationToken);
        await using var b = await PortalProcess.StartAsync("B (release 2)", release2, cancellationToken);
        using var onA = a.CreatePortalClient();
        var signIn = await onA.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
        var cookie = PortalClient.SessionCookie(signIn);
        using var healthA = await onA.GetAsync("/health");
        using var healthB = await b.CreatePortalClient().GetAsync("/health");
        using var meOnA = await a.GetWithCookieAsync("/me", cookie);
        using var meOnB = await b.GetWithCookieAsync("/me", cookie);

        // Assert 2
        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.True(a.HasOutput("database schema version 2 (runs releases from schema 1) is newer", restartMark), a.ToString());
        Assert.True(a.HasOutput("rolling upgrade in progress", restartMark), a.ToString());
        Assert.True(PortalClient.RedirectsTo(signIn, "/"), $"sign-in on A: {signIn.StatusCode}\n{a}");
        Assert.Equal(HttpStatusCode.OK, healthA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthB.StatusCode);
        Assert.Equal(HttpStatusCode.OK, meOnA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, meOnB.StatusCode);

        // Act 3: release 3 contracts the schema (runs releases from schema 2 on): release 1 must not start on it.
        var contract = await PortalCommandProcess.RunAsync(["migrate"], release3, cancellationToken);
        await a.StopAsync();
        var refused = await PortalCommandProcess.RunAsync([], release1, cancellationToken);
        using var meOnBAfter = await b.GetWithCookieAsync("/me", cookie);

        // Assert 3
        Assert.True(contract.ExitCode == 0, contract.ToString());
        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains("database schema version 3 (runs releases from schema 2)", refused.Output, StringComparison.Ordinal);
        Assert.Contains("this release's schema version 1 (runs on schema from 1)", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, refused.Output + refused.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, meOnBAfter.StatusCode);
    }

    private Dictionary<string, string?> NodeSettings(string database, string indexPath, (int Version, int MinCompatible)? release)
    {
        var settings = PortalProcess.DefaultSettings(directory);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = database;
        // As in Production: nodes never migrate; the operator runs `migrate` first.
        settings["Database:MigrateAtStart"] = "false";
        settings["Search:IndexPath"] = indexPath;
        settings["SignIn:SessionStatusCacheDuration"] = "00:00:00";
        settings["Oidc:Issuer"] = "http://portal.test/";
        if (release is { } played)
        {
            settings["Testing:SchemaVersion"] = played.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Testing:MinCompatibleSchemaVersion"] = played.MinCompatible.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
