using GatewayPortal.Identity.Applications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Tests.Applications;

/// <summary>An in-memory SQLite database that lives as long as this object keeps its connection open.</summary>
internal sealed class ApplicationsDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    private ApplicationsDatabase()
    {
    }

    public static async Task<ApplicationsDatabase> CreateAsync(bool withOpenIddict = false)
    {
        var database = new ApplicationsDatabase { WithOpenIddict = withOpenIddict };
        await database._connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var context = database.CreateContext();
        await context.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public bool WithOpenIddict { get; private init; }

    public void Configure(DbContextOptionsBuilder options)
    {
        options.UseSqlite(_connection);
        if (WithOpenIddict)
        {
            options.UseOpenIddict();
        }
    }

    public ApplicationsTestDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<ApplicationsTestDbContext>();
        Configure(options);
        return new ApplicationsTestDbContext(options.Options);
    }

    /// <summary>Adds every application of the demo catalogue, as the seeder would.</summary>
    public async Task<IReadOnlyDictionary<string, int>> AddCatalogueAsync(IEnumerable<ApplicationSeedEntry> entries)
    {
        await using var context = CreateContext();
        var rows = entries.Select(e => ApplicationSeedMapper.ToEntity(e, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))).ToList();
        context.Applications.AddRange(rows);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        return rows.ToDictionary(r => r.ClientId, r => r.Id, StringComparer.Ordinal);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
