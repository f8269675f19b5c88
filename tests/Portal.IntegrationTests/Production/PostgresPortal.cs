using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>The real portal host in production's storage mode: PostgreSQL (a fresh database on the run's private cluster).</summary>
public sealed class PostgresPortal(SlapdFixture directory, PostgresFixture postgres) : PortalApplicationFactory(directory, new Dictionary<string, string?>
{
    ["Database:Provider"] = "PostgreSql",
    ["Database:ConnectionString"] = postgres.ConnectionStringFor("it"),
});
