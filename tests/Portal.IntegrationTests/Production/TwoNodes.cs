using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>Two portal nodes on one PostgreSQL database, as behind a load balancer (node B starts after node A).</summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private readonly SlapdFixture _directory;
    private readonly Dictionary<string, string?> _settings;

    public TwoNodes(SlapdFixture directory, PostgresFixture postgres)
    {
        _directory = directory;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = postgres.ConnectionStringFor("nodes"),
            // Each node asks the database whether a session was ended, so the test need not wait out a cache.
            ["SignIn:SessionStatusCacheDuration"] = "00:00:00",
            ["Oidc:Issuer"] = "http://portal.test/",
        };
        A = StartNode("node-a");
        B = StartNode("node-b");
    }

    /// <summary>Node A.</summary>
    public PortalApplicationFactory A { get; }

    /// <summary>Node B.</summary>
    public PortalApplicationFactory B { get; }

    /// <summary>Starts another node on the same database (its own in-memory index unless <paramref name="overrides"/> say otherwise); the caller disposes it.</summary>
    public PortalApplicationFactory StartNode(string name, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(_settings) { ["Cluster:NodeName"] = name };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var node = new PortalApplicationFactory(_directory, settings);
        node.CreateClient().Dispose();
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
