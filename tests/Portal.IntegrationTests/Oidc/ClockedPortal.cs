using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Oidc;

/// <summary>
/// A portal on a clock the test moves: five-minute sessions, day-long refresh tokens, and no cached session status,
/// so that a session's end, expiry or missing row is seen at the next grant.
/// </summary>
public sealed class ClockedPortal(SlapdFixture directory) : PortalApplicationFactory(directory, new Dictionary<string, string?>
{
    ["SignIn:SessionLifetime"] = "00:05:00",
    ["SignIn:SessionStatusCacheDuration"] = "00:00:00",
    ["Oidc:RefreshTokenLifetime"] = "1.00:00:00",
})
{
    /// <summary>The host's clock; starts at the real time.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
