using GatewayPortal.Data.Postgres;
using GatewayPortal.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GatewayPortal.Data.Tests;

/// <summary>
/// Each provider finds its migrations in its own assembly, under the ids existing databases recorded in
/// <c>__EFMigrationsHistory</c> when the migrations still lived in the Portal, and the model matches the last snapshot.
/// </summary>
public sealed class MigrationsAssemblyTests
{
    private static readonly string[] SqliteIds =
        ["20261123150208_Initial", "20261123154919_OidcAndApplications", "20261129100029_Sessions", "20261129101155_Wiki", "20261129135149_SearchAndCluster"];

    private static readonly string[] PostgresIds =
        ["20261123150228_Initial", "20261123154950_OidcAndApplications", "20261129100042_Sessions", "20261129101158_Wiki", "20261129135229_SearchAndCluster"];

    [Fact]
    public void GetMigrations_Sqlite_StartWithTheIdsExistingDatabasesRecorded()
    {
        // Arrange
        using var db = Sqlite();

        // Act
        var ids = db.Database.GetMigrations().ToList();

        // Assert
        Assert.Equal(SqliteIds, ids.Take(SqliteIds.Length));
        Assert.All(db.GetService<IMigrationsAssembly>().Migrations.Values,
            type => Assert.Equal(SqlitePortalDatabase.MigrationsAssembly, type.Assembly.GetName().Name));
    }

    [Fact]
    public void GetMigrations_Postgres_StartWithTheIdsExistingDatabasesRecorded()
    {
        // Arrange
        using var db = Postgres();

        // Act
        var ids = db.Database.GetMigrations().ToList();

        // Assert
        Assert.Equal(PostgresIds, ids.Take(PostgresIds.Length));
        Assert.All(db.GetService<IMigrationsAssembly>().Migrations.Values,
            type => Assert.Equal(PostgresPortalDatabase.MigrationsAssembly, type.Assembly.GetName().Name));
    }

    [Fact]
    public void HasPendingModelChanges_Sqlite_IsFalse()
    {
        // Arrange
        using var db = Sqlite();

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending, "The model differs from the SQLite snapshot: add a migration (docs: dotnet ef migrations add).");
    }

    [Fact]
    public void HasPendingModelChanges_Postgres_IsFalse()
    {
        // Arrange
        using var db = Postgres();

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending, "The model differs from the PostgreSQL snapshot: add a migration (docs: dotnet ef migrations add).");
    }

    [Fact]
    public async Task MigrateAsync_SqliteFile_AppliesEveryMigrationAndLeavesNonePending()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"gatewayportal-migrations-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = Sqlite($"Data Source={path};Pooling=False"))
            {
                // Act
                await first.Database.MigrateAsync(TestContext.Current.CancellationToken);
            }

            await using var again = Sqlite($"Data Source={path};Pooling=False");
            var applied = (await again.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();
            var pending = await again.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);

            // Assert
            Assert.Equal(again.Database.GetMigrations(), applied);
            Assert.Empty(pending);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SqlitePortalDbContext Sqlite(string connectionString = "Data Source=:memory:")
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        options.UsePortalSqlite(connectionString);
        return new SqlitePortalDbContext(options.Options);
    }

    private static PostgresPortalDbContext Postgres()
    {
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>();
        options.UsePortalPostgres("Host=localhost;Database=unused");
        return new PostgresPortalDbContext(options.Options);
    }
}
