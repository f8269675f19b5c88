using GatewayPortal.Identity.Applications;
using GatewayPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class ApplicationSeederTests : IAsyncLifetime
{
    private ApplicationsDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await ApplicationsDatabase.CreateAsync(withOpenIddict: true);
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(Path.Combine(RepositoryRoot.Path, "src", "Portal")));
        services.AddDbContext<ApplicationsTestDbContext>(_database.Configure);
        services.AddScoped<IApplicationsDbContext>(sp => sp.GetRequiredService<ApplicationsTestDbContext>());
        services.AddOpenIddict().AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ApplicationsTestDbContext>());
        services.AddPortalApplications(new ConfigurationBuilder().Build());
        services.AddPortalApplications(new ConfigurationBuilder().Build());
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_EmptyDatabase_CreatesRowsAndClients()
    {
        // Arrange
        var seeder = Assert.Single(_services.GetServices<IHostedService>().OfType<ApplicationSeeder>());

        // Act
        await seeder.StartAsync(TestContext.Current.CancellationToken);

        // Assert
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsTestDbContext>();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var rows = await db.Applications.CountAsync(TestContext.Current.CancellationToken);
        Assert.InRange(rows, 150, 180);
        Assert.Equal(rows, await manager.CountAsync(TestContext.Current.CancellationToken));
        var sample = await manager.FindByClientIdAsync("sample-lob", TestContext.Current.CancellationToken);
        Assert.NotNull(sample);
        Assert.True(await manager.ValidateClientSecretAsync(sample, "SampleLob!2026", TestContext.Current.CancellationToken));
        Assert.True(await manager.ValidateRedirectUriAsync(sample, "http://127.0.0.1:5002/signin-oidc", TestContext.Current.CancellationToken));
        Assert.True(await manager.HasRequirementAsync(sample, OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange, TestContext.Current.CancellationToken));
        var batch = await manager.FindByClientIdAsync("batch-reporting", TestContext.Current.CancellationToken);
        Assert.NotNull(batch);
        Assert.True(await manager.HasPermissionAsync(batch, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials, TestContext.Current.CancellationToken));
        Assert.False(await manager.HasPermissionAsync(batch, OpenIddictConstants.Permissions.Endpoints.Authorization, TestContext.Current.CancellationToken));
        var stored = await db.Applications.SingleAsync(a => a.ClientId == "sample-lob", TestContext.Current.CancellationToken);
        Assert.Equal(["staff-hq"], stored.AllowedGroups);
        Assert.Equal("http://127.0.0.1:5002/backchannel-logout", stored.BackChannelLogoutUri);
    }

    [Fact]
    public async Task SeedAsync_SecondRun_CreatesNothingAndKeepsAdminEdits()
    {
        // Arrange
        var seeder = Assert.Single(_services.GetServices<IHostedService>().OfType<ApplicationSeeder>());
        var file = Path.Combine(RepositoryRoot.Path, "src", "Portal", "DemoData", "applications.json");
        var entries = await ApplicationCatalogFile.LoadAsync(file, TestContext.Current.CancellationToken);
        var first = await seeder.SeedAsync(entries, TestContext.Current.CancellationToken);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsTestDbContext>();
            var app = await db.Applications.SingleAsync(a => a.ClientId == "doc-mail", TestContext.Current.CancellationToken);
            app.NameKo = "업무메일 (관리자 수정)";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Act
        var second = await seeder.SeedAsync(entries, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(new ApplicationSeedResult(entries.Count, entries.Count, 0), first);
        Assert.Equal(new ApplicationSeedResult(0, 0, entries.Count), second);
        await using var check = _services.CreateAsyncScope();
        var context = check.ServiceProvider.GetRequiredService<ApplicationsTestDbContext>();
        Assert.Equal("업무메일 (관리자 수정)", (await context.Applications.SingleAsync(a => a.ClientId == "doc-mail", TestContext.Current.CancellationToken)).NameKo);
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "GatewayPortal.Identity.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
