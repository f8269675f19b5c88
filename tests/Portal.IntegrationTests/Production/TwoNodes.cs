using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>Two portal nodes on one PostgreSQL database, as behind a load balancer (node B starts after node A).</summary>
public sealed class TwoNodes : IAsyncDisposable
{
    public TwoNodes(SlapdFixture directory, PostgresFixture postgres)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = postgres.ConnectionStringFor("nodes"),
            // Each node asks the database whether a session was ended, so the test need not wait out a cache.
            ["SignIn:SessionStatusCacheDuration"] = "00:00:00",
            ["Oidc:Issuer"] = "http://portal.test/",
        };
        A = new PortalApplicationFactory(directory, settings);
        A.CreateClient().Dispose();
        B = new PortalApplicationFactory(directory, settings);
        B.CreateClient().Dispose();
    }

    /// <summary>Node A.</summary>
    public PortalApplicationFactory A { get; }

    /// <summary>Node B.</summary>
    public PortalApplicationFactory B { get; }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
