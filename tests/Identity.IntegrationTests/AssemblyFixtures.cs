using GatewayPortal.Testing;

[assembly: AssemblyFixture(typeof(SlapdFixture))]
