using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.Applications.Counters;

public sealed class WorkCounterStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private ApplicationsDatabase _database = null!;
    private WorkCounterStore _store = null!;
    private int _appId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await ApplicationsDatabase.CreateAsync();
        var ids = await _database.AddCatalogueAsync([new ApplicationSeedEntry
        {
            ClientId = "sample-lob", NameKo = "샘플", NameEn = "Sample", DescriptionKo = "d", DescriptionEn = "d", Category = "civil", Icon = "document",
            OwnerDepartment = "o", OwnerContact = "c", LaunchUrl = "https://lob.example.go.kr/",
        }]);
        _appId = ids["sample-lob"];
        _store = new WorkCounterStore(new Factory(_database), _time);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private WorkCounterRow Row(string sub, string key, long value, TimeSpan? ttl = null) => new()
    {
        ApplicationId = _appId,
        SubjectId = sub,
        Key = key,
        LabelKo = "결재 대기",
        Value = value,
        UpdatedUtc = _time.GetUtcNow().UtcDateTime,
        ExpiresUtc = _time.GetUtcNow().UtcDateTime + (ttl ?? TimeSpan.FromHours(1)),
    };

    [Fact]
    public async Task UpsertAsync_SameKeyAgain_ReplacesValue()
    {
        // Act
        await _store.UpsertAsync([Row("s-1", "approvals", 3), Row("s-1", "mail", 1)], Cancel);
        await _store.UpsertAsync([Row("s-1", "approvals", 5)], Cancel);
        var counters = await _store.GetForSubjectAsync("s-1", Cancel);

        // Assert
        Assert.Equal([("approvals", 5L, "sample-lob"), ("mail", 1L, "sample-lob")], counters.Select(c => (c.Key, c.Value, c.ClientId)).ToArray());
    }

    [Fact]
    public async Task UpsertAsync_MoreRowsThanOneStatement_WritesAll()
    {
        // Arrange
        var rows = Enumerable.Range(0, WorkCounterStore.RowsPerStatement * 2 + 7).Select(i => Row($"s-{i}", "approvals", i + 1)).ToList();

        // Act
        await _store.UpsertAsync(rows, Cancel);

        // Assert
        await using var db = _database.CreateContext();
        Assert.Equal(rows.Count, await db.WorkCounters.CountAsync(Cancel));
        Assert.Equal(1007, Assert.Single(await _store.GetForSubjectAsync("s-1006", Cancel)).Value);
    }

    [Fact]
    public async Task GetForSubjectAsync_ZeroOrExpired_NotReturnedAndPurged()
    {
        // Arrange
        await _store.UpsertAsync([Row("s-1", "approvals", 0), Row("s-1", "mail", 2, TimeSpan.FromMinutes(1)), Row("s-1", "tasks", 4, TimeSpan.FromHours(2))], Cancel);

        // Act
        _time.Advance(TimeSpan.FromMinutes(2));
        var counters = await _store.GetForSubjectAsync("s-1", Cancel);
        var purged = await _store.PurgeAsync(Cancel);

        // Assert
        Assert.Equal("tasks", Assert.Single(counters).Key);
        Assert.Equal(2, purged);
    }

    [Fact]
    public async Task ClearKeyAsync_RemovesKeyForEveryoneOnly()
    {
        // Arrange
        await _store.UpsertAsync([Row("s-1", "approvals", 1), Row("s-2", "approvals", 2), Row("s-2", "mail", 3)], Cancel);

        // Act
        var removed = await _store.ClearKeyAsync(_appId, "approvals", Cancel);

        // Assert
        Assert.Equal(2, removed);
        Assert.Empty(await _store.GetForSubjectAsync("s-1", Cancel));
        Assert.Equal("mail", Assert.Single(await _store.GetForSubjectAsync("s-2", Cancel)).Key);
    }

    private sealed class Factory(ApplicationsDatabase database) : IWorkCountersDbContextFactory
    {
        public Task<IWorkCountersDbContext> CreateDbContextAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IWorkCountersDbContext>(database.CreateContext());
    }
}
