using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Tests.Audit;

public sealed class SignInStatisticsTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private AuditContext _db = default!;

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync(TestContext.Current.CancellationToken);
        _db = new AuditContext(new DbContextOptionsBuilder<AuditContext>().UseSqlite(_connection).Options);
        await _db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task HourlyAsync_CountsSucceededAndRefusedPerHourWithQuietHoursAsZero()
    {
        // Arrange: 08:10 two sign-ins and a failure, 08:59 a lock-out, 10:30 one sign-in; other outcomes don't count.
        Add(8, 10, SignInOutcome.Succeeded, 2);
        Add(8, 10, SignInOutcome.Failed, 1);
        Add(8, 59, SignInOutcome.LockedOut, 1);
        Add(10, 30, SignInOutcome.Succeeded, 1);
        Add(9, 0, SignInOutcome.SignedOut, 5);
        Add(11, 0, SignInOutcome.Succeeded, 7); // outside the span
        await _db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var statistics = new SignInStatistics(_db);

        // Act
        var hours = await statistics.HourlyAsync(Start.AddHours(8), Start.AddHours(11), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([Start.AddHours(8), Start.AddHours(9), Start.AddHours(10)], hours.Select(h => h.HourUtc));
        Assert.Equal([2, 0, 1], hours.Select(h => h.Succeeded));
        Assert.Equal([2, 0, 0], hours.Select(h => h.Refused));
    }

    [Fact]
    public async Task FailureReasonsAndTopApplications_AreCountedMostFrequentFirst()
    {
        // Arrange
        Add(8, 0, SignInOutcome.Failed, 3, "InvalidPassword");
        Add(8, 1, SignInOutcome.Failed, 1, "UnknownUser");
        Add(8, 2, SignInOutcome.LockedOut, 2, "AccountThrottled");
        Add(8, 3, SignInOutcome.ApplicationSignIn, 4, "hr-personnel");
        Add(8, 4, SignInOutcome.ApplicationSignIn, 1, "sample-lob");
        await _db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var statistics = new SignInStatistics(_db);

        // Act
        var reasons = await statistics.FailureReasonsAsync(Start, Start.AddDays(1), cancellationToken: TestContext.Current.CancellationToken);
        var applications = await statistics.TopApplicationsAsync(Start, Start.AddDays(1), cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([new("InvalidPassword", 3), new("AccountThrottled", 2), new ReasonCount("UnknownUser", 1)], reasons);
        Assert.Equal([new("hr-personnel", 4), new ReasonCount("sample-lob", 1)], applications);
    }

    [Fact]
    public async Task HourlyAsync_SpanLongerThanAMonth_IsRefused()
    {
        var statistics = new SignInStatistics(_db);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => statistics.HourlyAsync(Start, Start.AddDays(40), TestContext.Current.CancellationToken));
    }

    private void Add(int hour, int minute, SignInOutcome outcome, int count, string? reason = null)
    {
        for (var i = 0; i < count; i++)
        {
            _db.SignInAudit.Add(new SignInAuditEntry { TimestampUtc = Start.AddHours(hour).AddMinutes(minute), Login = "kim.minsu", Outcome = outcome, Reason = reason });
        }
    }

    private sealed class AuditContext(DbContextOptions<AuditContext> options) : DbContext(options), IIdentityDbContext
    {
        public DbSet<SignInAuditEntry> SignInAudit => Set<SignInAuditEntry>();

        public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

        public DbSet<MfaEnrollment> MfaEnrollments => Set<MfaEnrollment>();

        public DbSet<MfaRecoveryCode> MfaRecoveryCodes => Set<MfaRecoveryCode>();

        public DbSet<PortalSession> PortalSessions => Set<PortalSession>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseGatewayIdentity();
    }
}
