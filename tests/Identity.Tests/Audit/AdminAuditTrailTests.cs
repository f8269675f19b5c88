using System.Text.Json;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.Audit;

/// <summary>The admin audit writer: who, when, what, before/after without secrets, in the caller's transaction, and a log event.</summary>
public sealed class AdminAuditTrailTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _time = new(Now);
    private readonly RecordingLoggerFactory _logs = new();
    private TrailContext _db = default!;

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync(TestContext.Current.CancellationToken);
        _db = new TrailContext(new DbContextOptionsBuilder<TrailContext>().UseSqlite(_connection).Options);
        await _db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
        _logs.Dispose();
    }

    [Fact]
    public async Task RecordAsync_WritesOneRowWithActorTimeTargetAndStatesAndOneAuditLogEvent()
    {
        // Arrange
        var trail = Trail(new AdminAuditActor("sub-park", "park.jihoon (박지훈)", "192.0.2.10"));

        // Act
        await trail.RecordAsync(new(AdminAuditActions.BoardUpdate, AdminAuditTargets.Board, "welfare", "복지",
            new { NameKo = "복지", Readers = new[] { "role-hr" } }, new { NameKo = "복지 안내", Readers = new[] { "role-hr", "role-it" } }, "Board changed"),
            TestContext.Current.CancellationToken);

        // Assert
        var row = Assert.Single(await _db.AdminAudit.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Now.UtcDateTime, row.TimestampUtc);
        Assert.Equal(("sub-park", "park.jihoon (박지훈)", "192.0.2.10"), (row.ActorSubjectId, row.ActorName, row.IpAddress));
        Assert.Equal(("board.update", "board", "welfare", "복지"), (row.Action, row.TargetType, row.TargetId, row.TargetName));
        Assert.Equal("""{"nameKo":"복지","readers":["role-hr"]}""", row.BeforeJson);
        Assert.Equal("""{"nameKo":"복지 안내","readers":["role-hr","role-it"]}""", row.AfterJson);
        var log = Assert.Single(_logs.Entries);
        Assert.Equal((AdminAuditTrail.LogCategory, AdminAuditTrail.ChangeEventId), (log.Category, log.EventId));
        Assert.Equal("board.update", log.Fields["Action"]);
        Assert.Equal("sub-park", log.Fields["Actor"]);
        Assert.Equal("welfare", log.Fields["Target"]);
        Assert.DoesNotContain("role-it", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_StateWithSecretLikeFields_StoresRedactionMarkerNotTheValue()
    {
        // Arrange
        var trail = Trail(AdminAuditActor.System);

        // Act
        await trail.RecordAsync(new(AdminAuditActions.ApplicationUpdate, AdminAuditTargets.Application, "batch", After: new
        {
            NameKo = "배치",
            ClientSecret = "S3cr3t-value",
            Nested = new { AdminPassword = "hunter2", refresh_token = "rt-123" },
        }), TestContext.Current.CancellationToken);

        // Assert
        var row = Assert.Single(await _db.AdminAudit.ToListAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("S3cr3t-value", row.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", row.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain("rt-123", row.AfterJson, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(row.AfterJson!);
        Assert.Equal(AdminAuditJson.Redacted, json.RootElement.GetProperty("clientSecret").GetString());
        Assert.Equal("system", row.ActorSubjectId);
        Assert.Null(row.IpAddress);
    }

    [Fact]
    public void Serialize_HugeState_IsBoundedAndStillJson()
    {
        // Arrange: 200 fields of 400 characters each is far over the bound even after long strings are cut.
        var state = Enumerable.Range(0, 200).ToDictionary(i => "field" + i, _ => new string('가', 400));

        // Act
        var json = AdminAuditJson.Serialize(state)!;

        // Assert
        Assert.True(json.Length <= AdminAuditEntry.MaxStateLength, json.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var parsed = JsonDocument.Parse(json);
        Assert.True(parsed.RootElement.GetProperty("_truncated").GetBoolean());
    }

    [Fact]
    public void Serialize_LongString_IsCutAndKeepsTheOtherFields()
    {
        // Act
        var json = AdminAuditJson.Serialize(new { Description = new string('x', 2000), Name = "짧은 이름" })!;

        // Assert
        var fields = AdminAuditJson.Fields(json).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("짧은 이름", fields["name"]);
        Assert.Equal(501, fields["description"].Length);
    }

    [Fact]
    public async Task Stage_RolledBackTransaction_LeavesNoRow_CommittedOne_LeavesOne()
    {
        // Arrange
        var trail = Trail(AdminAuditActor.System);
        var change = new AdminAuditEvent(AdminAuditActions.ApplicationStatus, AdminAuditTargets.Application, "gis", Summary: "Status changed");

        // Act: staged inside a transaction that rolls back, then inside one that commits.
        await using (var rolledBack = await _db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            trail.Stage(_db, change);
            await _db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await rolledBack.RollbackAsync(TestContext.Current.CancellationToken);
        }

        _db.ChangeTracker.Clear();
        await using (var committed = await _db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            var entry = trail.Stage(_db, change);
            await _db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await committed.CommitAsync(TestContext.Current.CancellationToken);
            trail.Log(entry);
        }

        // Assert
        Assert.Equal(1, await _db.AdminAudit.CountAsync(TestContext.Current.CancellationToken));
        Assert.Single(_logs.Entries);
    }

    [Fact]
    public async Task Reader_FiltersByActorActionTargetAndPeriod_NewestFirst_AndStreamsEverythingInChunks()
    {
        // Arrange: 1,203 rows a minute apart, written oldest first (as the trail does), across two actors.
        for (var i = 1202; i >= 0; i--)
        {
            _db.AdminAudit.Add(new AdminAuditEntry
            {
                TimestampUtc = Now.UtcDateTime.AddMinutes(-i),
                ActorSubjectId = i % 2 == 0 ? "sub-park" : "sub-choi",
                ActorName = i % 2 == 0 ? "park.jihoon" : "choi.admin",
                Action = i % 3 == 0 ? AdminAuditActions.SessionEnd : AdminAuditActions.BoardUpdate,
                TargetType = i % 3 == 0 ? AdminAuditTargets.Session : AdminAuditTargets.Board,
                TargetId = "t" + i,
                TargetName = i == 7 ? "복지 게시판" : null,
            });
        }

        await _db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var reader = new AdminAuditReader(_db);
        var ct = TestContext.Current.CancellationToken;

        // Act
        var byActor = await reader.ReadAsync(new(Actor: "park", PageSize: 10), ct);
        var byAction = await reader.ReadAsync(new(Action: AdminAuditActions.SessionEnd, Actor: "sub-choi"), ct);
        var byTargetName = await reader.ReadAsync(new(Target: "복지"), ct);
        var byPeriod = await reader.ReadAsync(new(FromUtc: Now.UtcDateTime.AddMinutes(-9), ToUtc: Now.UtcDateTime.AddMinutes(-4)), ct);
        var streamed = await reader.StreamAsync(new(), 1100, ct).ToListAsync(ct);

        // Assert
        Assert.Equal(602, byActor.Total);
        Assert.All(byActor.Items, r => Assert.Equal("sub-park", r.ActorSubjectId));
        Assert.Equal("t0", byActor.Items[0].TargetId);
        Assert.Equal(200, byAction.Total); // i = 3, 9, … 1197
        Assert.Equal("t7", Assert.Single(byTargetName.Items).TargetId);
        Assert.Equal(["t5", "t6", "t7", "t8", "t9"], byPeriod.Items.Select(r => r.TargetId));
        Assert.Equal(1100, streamed.Count);
        Assert.Equal(streamed.Select(r => r.Id).OrderByDescending(id => id), streamed.Select(r => r.Id));
        Assert.Equal(1100, streamed.Select(r => r.Id).Distinct().Count());
    }

    private AdminAuditTrail Trail(AdminAuditActor actor) => new(_db, _time, _logs, new FixedActor(actor));

    private sealed class FixedActor(AdminAuditActor actor) : IAdminAuditActorSource
    {
        public AdminAuditActor Current => actor;
    }

    private sealed class TrailContext(DbContextOptions<TrailContext> options) : DbContext(options), IIdentityDbContext
    {
        public DbSet<SignInAuditEntry> SignInAudit => Set<SignInAuditEntry>();

        public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

        public DbSet<MfaEnrollment> MfaEnrollments => Set<MfaEnrollment>();

        public DbSet<MfaRecoveryCode> MfaRecoveryCodes => Set<MfaRecoveryCode>();

        public DbSet<PortalSession> PortalSessions => Set<PortalSession>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseGatewayIdentity();
    }

    private sealed record LogEntry(string Category, int EventId, string Message, IReadOnlyDictionary<string, object?> Fields);

    private sealed class RecordingLoggerFactory : ILoggerFactory
    {
        public List<LogEntry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(string category, List<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
                entries.Add(new(category, eventId.Id, formatter(state, exception), fields));
            }
        }
    }
}
