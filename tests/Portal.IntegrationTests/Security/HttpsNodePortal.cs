using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>A host configured as a production node is: cookies and forms only over HTTPS (behind the TLS proxy).</summary>
public sealed class HttpsNodePortal(SlapdFixture directory) : PortalApplicationFactory(directory, new Dictionary<string, string?>
{
    ["SignIn:Cookie:RequireHttps"] = "true",
});
