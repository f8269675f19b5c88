using GatewayPortal.Portal.Data;
using GatewayPortal.Portal.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace GatewayPortal.Portal.Tests.Operations;

/// <summary>The <c>migrate</c> verb and the start gate on a real SQLite file, with the node's services built as Program builds them.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"gp-migrate-{Guid.NewGuid():N}")).FullName;

    private string DatabaseFile => Path.Combine(_folder, "portal.db");

    [Fact]
    public async Task Migrate_NewDatabase_AppliesEveryMigrationOnce_SecondRunHasNothingToDo()
    {
        // Act
        var (first, firstOut, _) = await RunAsync(["migrate"]);
        var (second, secondOut, _) = await RunAsync(["migrate"]);
        var (status, statusOut, _) = await RunAsync(["migrate", "--status"]);

        // Assert
        Assert.Equal(PortalCommandExit.Ok, first);
        Assert.Contains("applied 20261123150208_Initial", firstOut, StringComparison.Ordinal);
        Assert.Contains("_Issue17Schema", firstOut, StringComparison.Ordinal);
        Assert.Equal(PortalCommandExit.Ok, second);
        Assert.Contains("nothing to migrate", secondOut, StringComparison.Ordinal);
        Assert.DoesNotContain("applied ", secondOut, StringComparison.Ordinal);
        Assert.Equal(PortalCommandExit.Ok, status);
        Assert.Contains("state: Current", statusOut, StringComparison.Ordinal);
        Assert.DoesNotContain("pending  ", statusOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_SchemaNewerThanThisRelease_ChangesNothing_StatusNamesBothVersions()
    {
        // Arrange: release 3 (played) migrated and contracted: it runs releases from schema 2 on.
        var (newer, _, _) = await RunAsync(["migrate"], new() { ["Testing:SchemaVersion"] = "3", ["Testing:MinCompatibleSchemaVersion"] = "2" });

        // Act
        var (exit, _, error) = await RunAsync(["migrate"]);
        var (statusExit, status, _) = await RunAsync(["migrate", "--status"]);
        var (scriptExit, _, scriptError) = await RunAsync(["migrate", "--script"]);

        // Assert: this release (1) neither migrates nor lowers the record; a node of it would refuse.
        Assert.Equal(PortalCommandExit.Ok, newer);
        Assert.Equal(PortalCommandExit.CheckFailed, exit);
        Assert.Contains("nothing was changed", error, StringComparison.Ordinal);
        Assert.Contains("database schema version 3 (runs releases from schema 2)", error, StringComparison.Ordinal);
        Assert.Equal(PortalCommandExit.CheckFailed, statusExit);
        Assert.Contains("database schema version: 3 (runs releases from schema 2)", status, StringComparison.Ordinal);
        Assert.Contains("release schema version: 1 (runs on schema from 1)", status, StringComparison.Ordinal);
        Assert.Contains("state: NewerIncompatible", status, StringComparison.Ordinal);
        Assert.Equal(PortalCommandExit.CheckFailed, scriptExit);
        Assert.Contains("no script", scriptError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateScript_NewDatabase_PrintsSqlWithTheVersionRecord_WithoutCreatingTheDatabase()
    {
        // Act
        var (exit, sql, _) = await RunAsync(["migrate", "--script"]);
        var (fromStartExit, fromStart, _) = await RunAsync(["migrate", "--script", "--from-start"]);

        // Assert
        Assert.Equal(PortalCommandExit.Ok, exit);
        Assert.Equal(PortalCommandExit.Ok, fromStartExit);
        Assert.Contains("CREATE TABLE", sql, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO \"schema_info\"", sql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE", fromStart, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile), "the script must not create or change the database");
    }

    [Fact]
    public async Task MigrateScript_MigratedDatabase_HasNoMigrationLeft()
    {
        // Arrange
        await RunAsync(["migrate"]);

        // Act
        var (exit, sql, _) = await RunAsync(["migrate", "--script"]);

        // Assert
        Assert.Equal(PortalCommandExit.Ok, exit);
        Assert.DoesNotContain("CREATE TABLE", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateScript_PostgresFromStart_IsIdempotentAndNeedsNoConnection()
    {
        // Arrange: a server nobody listens on: the script from the start must not connect.
        await using var services = Build("Testing", new()
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=portal;Username=portal;Password=x;Timeout=1",
        });
        var output = new StringWriter();

        // Act
        var exit = await PortalCommandLine.Parse(["migrate", "--script", "--from-start"]).RunAsync(services, output, new StringWriter(), TestContext.Current.CancellationToken);

        // Assert: each migration is guarded by its history row, so a DBA can run the script on any state.
        var sql = output.ToString();
        Assert.Equal(PortalCommandExit.Ok, exit);
        Assert.Contains("IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261123150228_Initial')", sql, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO \"schema_info\"", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--status --script")]
    [InlineData("--from-start")]
    public async Task Migrate_BadArguments_UsageErrorAndNothingCreated(string arguments)
    {
        // Act
        var (exit, _, error) = await RunAsync(["migrate", .. arguments.Split(' ')]);

        // Assert
        Assert.Equal(PortalCommandExit.Usage, exit);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task StartGate_ProductionWithPendingMigrations_RefusesWithoutMigrating()
    {
        // Arrange
        await using var services = Build("Production", []);

        // Act
        var exit = await services.GetRequiredService<DatabaseStartGate>().PrepareAsync(TestContext.Current.CancellationToken);
        var check = await services.GetRequiredService<DatabaseMigrator>().CheckAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(PortalCommandExit.CheckFailed, exit);
        Assert.Equal(GatewayPortal.Data.Schema.SchemaState.Behind, check.State);
    }

    [Fact]
    public async Task StartGate_MigrateAtStartOn_MigratesAndRecordsTheVersion()
    {
        // Arrange
        await using var services = Build("Production", new() { ["Database:MigrateAtStart"] = "true" });

        // Act
        var exit = await services.GetRequiredService<DatabaseStartGate>().PrepareAsync(TestContext.Current.CancellationToken);
        var check = await services.GetRequiredService<DatabaseMigrator>().CheckAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(PortalCommandExit.Ok, exit);
        Assert.Equal(GatewayPortal.Data.Schema.SchemaState.Current, check.State);
        Assert.Equal(check.Release, check.Database);
    }

    [Theory]
    [InlineData("Production", null, true, false)]
    [InlineData("Development", null, true, true)]
    [InlineData("Testing", null, true, true)]
    [InlineData("Production", "true", true, true)]
    [InlineData("Development", " False ", true, false)]
    [InlineData("Production", "yes", false, false)] // a typo names the key instead of guessing
    public void TryMigrateAtStart_ReadsTheSettingWithTheEnvironmentsDefault(string environment, string? text, bool valid, bool expected)
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:MigrateAtStart"] = text }).Build();

        // Act
        var ok = DatabaseStartGate.TryMigrateAtStart(configuration, new HostingEnvironment { EnvironmentName = environment }, out var value, out var error);

        // Assert
        Assert.Equal(valid, ok);
        Assert.Equal(expected, value);
        Assert.Equal(valid, error.Length == 0);
        if (!valid)
        {
            Assert.Contains("Database:MigrateAtStart", error, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, Dictionary<string, string?>? settings = null)
    {
        await using var services = Build("Testing", settings ?? []);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PortalCommandLine.Parse(args).RunAsync(services, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private ServiceProvider Build(string environment, Dictionary<string, string?> settings)
    {
        settings.TryAdd("Database:ConnectionString", $"Data Source={DatabaseFile};Pooling=false");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var host = new HostingEnvironment { EnvironmentName = environment, ContentRootPath = _folder };
        return new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(host)
            .AddPortalDatabase(configuration, host)
            .AddPortalCommands()
            .BuildServiceProvider();
    }
}
