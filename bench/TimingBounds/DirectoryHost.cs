using System.Diagnostics;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Bench.TimingBounds;

/// <summary>The portal's directory service over the given servers, timing one sign-in at a time.</summary>
internal sealed class DirectoryHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IDirectoryService _directory;

    private DirectoryHost(ServiceProvider provider)
    {
        _provider = provider;
        _directory = provider.GetRequiredService<IDirectoryService>();
    }

    public static DirectoryHost Create(SlapdFixture fixture, IEnumerable<string> servers)
    {
        var values = fixture.CreateDirectoryConfiguration(servers, connectTimeout: TimeSpan.FromSeconds(1), operationTimeout: TimeSpan.FromSeconds(2));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new DirectoryHost(new ServiceCollection().AddPortalDirectory(configuration).BuildServiceProvider());
    }

    public async Task SignInAsync()
    {
        var result = await _directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The warm-up sign-in failed.");
        }
    }

    /// <summary>Times one sign-in that must succeed, or must be refused as unavailable.</summary>
    public async Task<TimeSpan> TimeSignInAsync(bool expectSuccess)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await _directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password);
            var elapsed = clock.Elapsed;
            return result.Succeeded == expectSuccess ? elapsed : throw new InvalidOperationException($"sign-in {(result.Succeeded ? "succeeded" : "failed")}");
        }
        catch (DirectoryUnavailableException) when (!expectSuccess)
        {
            return clock.Elapsed;
        }
    }

    /// <summary>Signs in again and again (every 10 ms) until one succeeds; the time until then.</summary>
    public async Task<TimeSpan> TimeUntilSignedInAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            try
            {
                if ((await _directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password)).Succeeded)
                {
                    return clock.Elapsed;
                }
            }
            catch (DirectoryUnavailableException)
            {
                // Still refused: the servers are marked down until their retry time, or not answering yet.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("No sign-in succeeded within a minute of the restart.");
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
