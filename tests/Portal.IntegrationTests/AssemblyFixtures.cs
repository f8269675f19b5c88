using GatewayPortal.Testing;

[assembly: AssemblyFixture(typeof(SlapdFixture))]
[assembly: AssemblyFixture(typeof(PostgresFixture))]
