using GatewayPortal.Boards;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Portal.IntegrationTests.Home;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Wiki.Watch;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GatewayPortal.Bench.HomeBench;

/// <summary>
/// The portal on SQLite against a private slapd, timing every request on the server (<see cref="ServerTimer"/>). Each of
/// the home's notice, counter and watch-list sources that is still the TEMPORARY placeholder (issue #15, before merge)
/// is replaced by <see cref="HomeDemoSources"/>; a real implementation is kept and measured as it is.
/// </summary>
internal sealed class HomeBenchPortal(SlapdFixture directory) : PortalApplicationFactory(directory)
{
    public HomeDemoSources Sources { get; } = new();

    public ServerTimer Timer { get; } = new();

    /// <summary>The sources that were placeholders and are answered by <see cref="Sources"/>.</summary>
    public List<string> Faked { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            Replace<INoticeHeadlines>(services);
            Replace<IWorkCounterReader>(services);
            Replace<IWikiWatchList>(services);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(Timer);
        });
    }

    private void Replace<T>(IServiceCollection services)
        where T : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(T));
        if (registered?.ImplementationType?.DeclaringType?.Name != "HomePlaceholders")
        {
            return;
        }

        Faked.Add(typeof(T).Name);
        services.RemoveAll<T>();
        services.AddSingleton(Sources as T ?? throw new InvalidOperationException(typeof(T).Name));
    }
}
