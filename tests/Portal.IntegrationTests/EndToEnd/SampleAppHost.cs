using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>The sample line-of-business application on its own Kestrel port, signing in through the portal.</summary>
public sealed class SampleAppHost : WebApplicationFactory<GatewayPortal.Samples.LineOfBusiness.Program>
{
    private readonly Uri _authority;

    public SampleAppHost(Uri authority)
    {
        _authority = authority;
        // The port goes in as the urls setting (see PortalApplicationFactory.UseKestrelOnLoopback): UseKestrel(0)
        // rewrites the addresses after the build and loses the race with the sample's own app.Run() on a busy machine.
        UseKestrel();
    }

    /// <summary>The application's base address.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Starts the server and reads its address.</summary>
    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.UseSetting("Oidc:Authority", _authority.ToString().TrimEnd('/'));
    }
}
