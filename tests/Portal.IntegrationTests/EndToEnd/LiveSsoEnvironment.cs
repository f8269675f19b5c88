using GatewayPortal.Identity.Applications;
using GatewayPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>The portal and the sample application, both on real ports, and a browser.</summary>
public sealed class LiveSsoEnvironment(SlapdFixture directory) : IAsyncLifetime
{
    public LiveBrowserPortal Portal { get; } = new(directory);

    public SampleAppHost Sample { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Portal.InitializeAsync();
        Sample = new SampleAppHost(Portal.BaseAddress);
        Sample.Start();

        // The seed registers the sample on port 5002; point the registration at this run's port.
        await using var scope = Portal.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await manager.FindByClientIdAsync("sample-lob") ?? throw new InvalidOperationException("sample-lob is not seeded.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, application);
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.Add(new Uri(Sample.BaseAddress, "signin-oidc"));
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Add(new Uri(Sample.BaseAddress, "signout-callback-oidc"));
        descriptor.ClientSecret = "SampleLob!2026";
        await manager.UpdateAsync(application, descriptor);

        var registry = scope.ServiceProvider.GetRequiredService<IApplicationsDbContext>();
        var app = await registry.Applications.SingleAsync(a => a.ClientId == "sample-lob");
        app.LaunchUrl = Sample.BaseAddress.ToString();
        app.BackChannelLogoutUri = new Uri(Sample.BaseAddress, "backchannel-logout").ToString();
        await registry.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Sample is not null)
        {
            await Sample.DisposeAsync();
        }

        await Portal.DisposeAsync();
    }
}
