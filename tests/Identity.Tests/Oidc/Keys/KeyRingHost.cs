using GatewayPortal.Identity.Oidc;
using GatewayPortal.Identity.Oidc.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.Oidc.Keys;

/// <summary>A key ring over a real SQLite database in memory, with a clock the test moves.</summary>
internal sealed class KeyRingHost : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _services;

    public KeyRingHost(OidcProviderOptions? options = null)
    {
        _connection.Open();
        Options = options ?? new OidcProviderOptions();
        var services = new ServiceCollection();
        services.AddDbContext<KeyContext>(o => o.UseSqlite(_connection));
        services.AddScoped<IOidcDbContext>(sp => sp.GetRequiredService<KeyContext>());
        _services = services.BuildServiceProvider();
        using (var scope = _services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<KeyContext>().Database.EnsureCreated();
        }

        Ring = new OidcKeyRing(_services.GetRequiredService<IServiceScopeFactory>(), DataProtection, new TestOptionsMonitor<OidcProviderOptions>(Options),
            Time, NullLogger<OidcKeyRing>.Instance);
    }

    public OidcProviderOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));

    public IDataProtectionProvider DataProtection { get; } = new EphemeralDataProtectionProvider();

    public OidcKeyRing Ring { get; }

    /// <summary>The protector the ring uses for stored keys (to write rows as an earlier version did).</summary>
    public IDataProtector Protector => DataProtection.CreateProtector("GatewayPortal.Identity.Oidc.Keys.v1");

    public async Task WithDatabaseAsync(Func<KeyContext, Task> action)
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<KeyContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Ring.Dispose();
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }

    internal sealed class KeyContext(DbContextOptions<KeyContext> options) : DbContext(options), IOidcDbContext
    {
        public DbSet<OidcKey> OidcKeys => Set<OidcKey>();

        public DbSet<OidcSessionApplication> OidcSessionApplications => Set<OidcSessionApplication>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseGatewayOidc();
    }
}
