using GatewayPortal.Boards;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Portal.IntegrationTests.EndToEnd;
using GatewayPortal.Testing;
using GatewayPortal.Wiki.Watch;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GatewayPortal.Portal.IntegrationTests.Home;

/// <summary>The live browser portal with the home's notice, counter and watch-list sources replaced by <see cref="HomeDemoSources"/>.</summary>
public sealed class HomeBrowserPortal(SlapdFixture directory) : LiveBrowserPortal(directory)
{
    public HomeDemoSources Sources { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<INoticeHeadlines>().AddSingleton<INoticeHeadlines>(Sources);
            services.RemoveAll<IWorkCounterReader>().AddSingleton<IWorkCounterReader>(Sources);
            services.RemoveAll<IWikiWatchList>().AddSingleton<IWikiWatchList>(Sources);
        });
    }
}
