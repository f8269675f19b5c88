using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Bench.HomeBench;

/// <summary>The portal on SQLite against a private slapd, timing every request on the server (<see cref="ServerTimer"/>).</summary>
internal sealed class HomeBenchPortal(SlapdFixture directory) : PortalApplicationFactory(directory)
{
    public ServerTimer Timer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(Timer));
    }
}
