using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Production.ClusterSearchTests;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>
/// The search change feed is an outbox (issue #14): its row commits with the data, so a node that dies right after a
/// wiki save commits (before it indexes or tells anyone) still leaves the change for every other node, and for itself
/// after a restart.
/// </summary>
public sealed class SearchOutboxCrashTests(SlapdFixture directory, PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task WikiSave_NodeDiesRightAfterCommit_OtherNodeAndRestartedNodeFindThePage()
    {
        // Arrange: node A dies right after its next wiki save commits; node B follows the same database.
        var cancellationToken = TestContext.Current.CancellationToken;
        using var indexA = new ScratchDirectory();
        using var indexB = new ScratchDirectory();
        var database = postgres.ConnectionStringFor("outbox");
        var settingsA = NodeSettings(database, indexA.Path, "outbox-a");
        settingsA["Testing:FailFastAfterWikiSave"] = "true";
        await using var a = await PortalProcess.StartAsync("A", settingsA, cancellationToken);
        await using var b = await PortalProcess.StartAsync("B", NodeSettings(database, indexB.Path, "outbox-b"), cancellationToken);
        using var onA = await SignedInAsync(a);
        using var onB = await SignedInAsync(b);
        var word = UniqueWord();
        var title = "죽기 전 저장 " + word;
        var fields = await OpenEditorAsync(onA, title);
        fields["Input.Text"] = $"{word} 낱말은 노드 A가 죽기 직전에 적었습니다.";

        // Act
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => PostEditorAsync(onA, title, fields));
        var (foundOnB, _) = await SearchUntilAsync(onB, word, links => links.Contains(PathOf(title)), patience: Patience);
        a.Kill();
        await a.RestartAsync(cancellationToken);
        using var onRestartedA = await SignedInAsync(a);
        var (foundOnA, _) = await SearchUntilAsync(onRestartedA, word, links => links.Contains(PathOf(title)), patience: Patience);

        // Assert
        Assert.True(foundOnB, $"the page saved on A before it died is not found on B\n{b}");
        Assert.True(foundOnA, $"the page saved on A before it died is not found on A after its restart\n{a}");
    }

    private static async Task<PortalClient> SignedInAsync(PortalProcess node)
    {
        var client = node.CreatePortalClient();
        var response = await client.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
        Assert.True(PortalClient.RedirectsTo(response, "/"), $"sign-in on {node.Name}: {response.StatusCode}\n{node}");
        return client;
    }

    private Dictionary<string, string?> NodeSettings(string database, string indexPath, string name)
    {
        var settings = PortalProcess.DefaultSettings(directory);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = database;
        settings["Search:IndexPath"] = indexPath;
        settings["Cluster:NodeName"] = name;
        return settings;
    }
}
