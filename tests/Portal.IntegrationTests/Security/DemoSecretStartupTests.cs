using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>The real host outside Development does not start with a client secret published in the repository (issue #13).</summary>
public sealed class DemoSecretStartupTests(SlapdFixture directory)
{
    [Fact]
    public async Task Start_DemoCatalogueOutsideDevelopment_FailsNamingTheClientsNotTheSecrets()
    {
        // Arrange: the test settings seed the demo catalogue; this host does not allow its secrets.
        await using var factory = new PortalApplicationFactory(directory, new Dictionary<string, string?> { ["Applications:Seed:AllowDemoSecrets"] = "false" });

        // Act
        var error = Record.Exception(() => factory.CreateClient());

        // Assert
        Assert.NotNull(error);
        var message = error.ToString();
        Assert.Contains("batch-reporting, sample-lob", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SampleLob!2026", message, StringComparison.Ordinal);
        Assert.DoesNotContain("BatchReporting!2026", message, StringComparison.Ordinal);
    }
}
