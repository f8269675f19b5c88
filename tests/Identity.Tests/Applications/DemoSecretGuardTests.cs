using GatewayPortal.Identity.Applications;
using GatewayPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;

namespace GatewayPortal.Identity.Tests.Applications;

/// <summary>Demo data stays in Development: no seeding elsewhere by default, and no start with a published secret (issue #13).</summary>
public sealed class DemoSecretGuardTests : IAsyncLifetime
{
    private static readonly string ContentRoot = Path.Combine(RepositoryRoot.Path, "src", "Portal");
    private ApplicationsDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await ApplicationsDatabase.CreateAsync(withOpenIddict: true);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task Seeder_OutsideDevelopmentByDefault_SeedsNothing(string environment)
    {
        // Arrange
        await using var services = Build(environment, []);
        var seeder = Assert.Single(services.GetServices<IHostedService>().OfType<ApplicationSeeder>());

        // Act
        await seeder.StartAsync(TestContext.Current.CancellationToken);

        // Assert
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ApplicationsTestDbContext>().Applications.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Production", "false")]
    [InlineData("Production", "true")] // Production refuses even when told to allow them
    [InlineData("Staging", "false")]
    public async Task StartAsync_DemoCatalogueSeededOutsideDevelopment_RefusesNamingClientsNotSecrets(string environment, string allow)
    {
        // Arrange: an operator turned the demo seed on.
        await using var services = Build(environment, new() { ["Applications:Seed:Enabled"] = "true", ["Applications:Seed:AllowDemoSecrets"] = allow });
        var hosted = services.GetServices<IHostedService>().ToList();
        await hosted.OfType<ApplicationSeeder>().Single().StartAsync(TestContext.Current.CancellationToken);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => hosted.OfType<DemoSecretGuard>().Single().StartAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("batch-reporting, sample-lob", error.Message, StringComparison.Ordinal);
        Assert.All(DemoSecrets.Published, s => Assert.DoesNotContain(s, error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Development", "false")]
    [InlineData("Testing", "true")]
    public async Task StartAsync_DemoSecretsWhereAllowed_Starts(string environment, string allow)
    {
        // Arrange
        await using var services = Build(environment, new() { ["Applications:Seed:Enabled"] = "true", ["Applications:Seed:AllowDemoSecrets"] = allow });
        var hosted = services.GetServices<IHostedService>().ToList();
        await hosted.OfType<ApplicationSeeder>().Single().StartAsync(TestContext.Current.CancellationToken);

        // Act
        await hosted.OfType<DemoSecretGuard>().Single().StartAsync(TestContext.Current.CancellationToken);

        // Assert: reaching here is the point; the catalogue is there.
        await using var scope = services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync("sample-lob", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StartAsync_SecretsReplacedInProduction_Starts()
    {
        // Arrange: the demo catalogue with each confidential client given a secret of its own.
        await using var services = Build("Production", new() { ["Applications:Seed:Enabled"] = "true" });
        var hosted = services.GetServices<IHostedService>().ToList();
        await hosted.OfType<ApplicationSeeder>().Single().StartAsync(TestContext.Current.CancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            foreach (var clientId in new[] { "sample-lob", "batch-reporting" })
            {
                var application = await manager.FindByClientIdAsync(clientId, TestContext.Current.CancellationToken);
                var descriptor = new OpenIddictApplicationDescriptor();
                await manager.PopulateAsync(descriptor, application!, TestContext.Current.CancellationToken);
                descriptor.ClientSecret = Guid.NewGuid().ToString("N");
                await manager.UpdateAsync(application!, descriptor, TestContext.Current.CancellationToken);
            }
        }

        // Act
        await hosted.OfType<DemoSecretGuard>().Single().StartAsync(TestContext.Current.CancellationToken);

        // Assert: reaching here is the point.
        Assert.Equal(2, DemoSecrets.Published.Count);
    }

    [Fact]
    public async Task StartAsync_ReplaceDemoSecretsInProduction_StartsAndThePublishedSecretsNoLongerWork()
    {
        // Arrange: a database seeded with the demo catalogue (e.g. before demo data was kept to Development).
        await using var services = Build("Production", new() { ["Applications:Seed:Enabled"] = "true", ["Applications:Seed:ReplaceDemoSecrets"] = "true" });
        var hosted = services.GetServices<IHostedService>().ToList();
        await hosted.OfType<ApplicationSeeder>().Single().StartAsync(TestContext.Current.CancellationToken);
        var guard = hosted.OfType<DemoSecretGuard>().Single();

        // Act
        await guard.StartAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(await guard.FindAsync(DemoSecrets.Published, TestContext.Current.CancellationToken));
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var sample = await manager.FindByClientIdAsync("sample-lob", TestContext.Current.CancellationToken);
        Assert.False(await manager.ValidateClientSecretAsync(sample!, "SampleLob!2026", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LoadAsync_DemoCatalogue_KnowsEverySecretInIt()
    {
        // Arrange
        var file = await ApplicationCatalogFile.LoadAsync(Path.Combine(ContentRoot, DemoSecrets.DemoCatalogue), TestContext.Current.CancellationToken);

        // Act
        var known = await DemoSecrets.LoadAsync(ContentRoot, TestContext.Current.CancellationToken);

        // Assert: the constant list is complete, so a build without the demo file still knows them.
        var inFile = file.Select(e => e.ClientSecret).OfType<string>().ToList();
        Assert.NotEmpty(inFile);
        Assert.All(inFile, s => Assert.Contains(s, DemoSecrets.Published));
        Assert.All(inFile, s => Assert.Contains(s, known));
    }

    private ServiceProvider Build(string environment, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
        services.AddDbContext<ApplicationsTestDbContext>(_database.Configure);
        services.AddScoped<IApplicationsDbContext>(sp => sp.GetRequiredService<ApplicationsTestDbContext>());
        services.AddOpenIddict().AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ApplicationsTestDbContext>());
        services.AddPortalApplications(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(validateScopes: true);
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "GatewayPortal.Identity.Tests";

        public string ContentRootPath { get; set; } = ContentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
