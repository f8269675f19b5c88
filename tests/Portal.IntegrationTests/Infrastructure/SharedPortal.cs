using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Infrastructure;

/// <summary>One portal host per test class, against the run's slapd.</summary>
public sealed class SharedPortal(SlapdFixture directory) : PortalApplicationFactory(directory);
