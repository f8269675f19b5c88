using GatewayPortal.Identity.Directory;
using GatewayPortal.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

/// <summary>A service provider with <see cref="IDirectoryService"/> wired by <c>AddPortalDirectory</c> (and the org chart by <c>AddPortalOrgChart</c>).</summary>
internal sealed class DirectoryTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private DirectoryTestHost(ServiceProvider provider)
    {
        _provider = provider;
        Directory = provider.GetRequiredService<IDirectoryService>();
    }

    public IDirectoryService Directory { get; }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <param name="time">The clock that marks failed servers down (the real one unless a test moves its own).</param>
    public static DirectoryTestHost Create(SlapdFixture fixture, IEnumerable<string>? servers = null, TimeSpan? connectTimeout = null, Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null)
    {
        var values = fixture.CreateDirectoryConfiguration(servers, connectTimeout, operationTimeout: TimeSpan.FromSeconds(2));
        configure?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var provider = services.AddPortalDirectory(configuration).AddPortalOrgChart(configuration).BuildServiceProvider(validateScopes: true);
        return new DirectoryTestHost(provider);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
