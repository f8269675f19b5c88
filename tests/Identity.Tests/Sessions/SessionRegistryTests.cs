using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Identity.Storage;
using GatewayPortal.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.Sessions;

public sealed class SessionRegistryTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private SessionRegistry _registry = default!;

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync(TestContext.Current.CancellationToken);
        _services = new ServiceCollection()
            .AddDbContext<SessionContext>(o => o.UseSqlite(_connection))
            .AddScoped<IIdentityDbContext>(sp => sp.GetRequiredService<SessionContext>())
            .BuildServiceProvider();
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SessionContext>().Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        }

        _registry = new SessionRegistry(
            _services.GetRequiredService<IServiceScopeFactory>(),
            new MemoryCache(new MemoryCacheOptions()),
            new StaticOptionsMonitor(new SignInOptions()),
            _time,
            NullLogger<SessionRegistry>.Instance);
        await _registry.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Bounded: a batch retry waits on the fake clock, which only the test moves.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _registry.StopAsync(stopping.Token);
        _registry.Dispose();
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task EndAsync_SessionStillQueued_IsStoredAsEndedAtOnce()
    {
        // Arrange
        await _registry.RecordStartAsync(Start("s-queued", _time.GetUtcNow()), TestContext.Current.CancellationToken);

        // Act: ended at once, whether or not the batch has been written yet.
        var ended = await _registry.EndAsync("s-queued", "park.jihoon", SessionEndReason.Administrator, TestContext.Current.CancellationToken);
        var status = await _registry.GetStatusAsync("s-queued", _time.GetUtcNow(), TestContext.Current.CancellationToken);
        var stored = await WaitForRowAsync("s-queued");

        // Assert
        Assert.NotNull(ended);
        Assert.Equal(SessionState.Ended, status.State);
        Assert.Equal(SessionEndReason.Administrator, stored.EndReason);
        Assert.Equal("park.jihoon", stored.EndedBy);
    }

    [Fact]
    public async Task BatchWrite_AnHourAfterTheLastPurge_DeletesSessionsExpiredMoreThanThirtyDaysAgo()
    {
        // Arrange: an old session, written, then time passes beyond the retention.
        await _registry.RecordStartAsync(Start("s-old", _time.GetUtcNow()), TestContext.Current.CancellationToken);
        await WaitForRowAsync("s-old");
        _time.Advance(SessionRegistry.Retention + TimeSpan.FromDays(2));

        // Act: the next batch (another sign-in) brings the purge along.
        await _registry.RecordStartAsync(Start("s-new", _time.GetUtcNow()), TestContext.Current.CancellationToken);
        await WaitForRowAsync("s-new");

        // Assert
        Assert.Null(await _registry.FindAsync("s-old", TestContext.Current.CancellationToken));
        Assert.NotNull(await _registry.FindAsync("s-new", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetStatusAsync_PastTheAbsoluteLifetime_IsExpired()
    {
        // Arrange: a ten-hour session, written.
        var started = _time.GetUtcNow();
        await _registry.RecordStartAsync(Start("s-long", started), TestContext.Current.CancellationToken);
        await WaitForRowAsync("s-long");

        // Act
        var during = await _registry.GetStatusAsync("s-long", started, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromHours(10));
        var after = await _registry.GetStatusAsync("s-long", started, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(SessionState.Running, during.State);
        Assert.Equal(started.AddHours(10), during.Expires);
        Assert.Equal(SessionState.Expired, after.State);
    }

    [Fact]
    public async Task GetStatusAsync_NoRecordPastTheRecordingGrace_IsUnknown()
    {
        // Arrange: a session nobody recorded (e.g. from after the backup that was restored).
        var started = _time.GetUtcNow();

        // Act
        var young = await _registry.GetStatusAsync("s-nowhere", started, TestContext.Current.CancellationToken);
        _time.Advance(SessionRegistryDefaults.RecordingGrace);
        var old = await _registry.GetStatusAsync("s-nowhere", started, TestContext.Current.CancellationToken);

        // Assert: young, its row may still be on its way from another node; then fail closed.
        Assert.True(young.IsRunning);
        Assert.Equal(SessionState.Unknown, old.State);
    }

    private static SessionStart Start(string id, DateTimeOffset now) =>
        new(id, "subject-" + id, "kim.minsu", "김민수", now, now.AddHours(10), ["pwd"], new SignInClient("192.0.2.1", "test"));

    // The writer runs in the background: poll the table (bounded).
    private async Task<PortalSession> WaitForRowAsync(string id) =>
        (await Eventually.UntilAsync(
            async () =>
            {
                await using var scope = _services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<SessionContext>().PortalSessions.AsNoTracking()
                    .FirstOrDefaultAsync(s => s.SessionId == id, TestContext.Current.CancellationToken);
            },
            row => row is not null,
            TimeSpan.FromSeconds(2),
            $"the background writer to write session {id}",
            TimeSpan.FromMilliseconds(20)))!;

    private sealed class SessionContext(DbContextOptions<SessionContext> options) : DbContext(options), IIdentityDbContext
    {
        public DbSet<SignInAuditEntry> SignInAudit => Set<SignInAuditEntry>();

        public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

        public DbSet<MfaEnrollment> MfaEnrollments => Set<MfaEnrollment>();

        public DbSet<MfaRecoveryCode> MfaRecoveryCodes => Set<MfaRecoveryCode>();

        public DbSet<PortalSession> PortalSessions => Set<PortalSession>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseGatewayIdentity();
    }

    private sealed class StaticOptionsMonitor(SignInOptions value) : IOptionsMonitor<SignInOptions>
    {
        public SignInOptions CurrentValue => value;

        public SignInOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SignInOptions, string?> listener) => null;
    }
}
