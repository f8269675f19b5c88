using System.Globalization;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Portal.IntegrationTests.SignIn;

/// <summary>
/// A portal on a clock the test moves, re-checking sessions against the directory every <see cref="RevalidationInterval"/>:
/// the host's <see cref="TimeProvider"/> and the memory cache that holds each person's last answer both read <see cref="Clock"/>.
/// </summary>
public sealed class ClockedRevalidationPortal(SlapdFixture directory) : PortalApplicationFactory(directory, new Dictionary<string, string?>
{
    ["SignIn:SessionRevalidationInterval"] = RevalidationInterval.ToString("c", CultureInfo.InvariantCulture),
})
{
    /// <summary>How long a person's directory answer is trusted.</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    /// <summary>The host's clock; starts at the real time.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<MemoryCacheOptions>(options => options.Clock = new TimeProviderSystemClock(Clock));
        });
    }
}
