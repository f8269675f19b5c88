using GatewayPortal.Data.Schema;

namespace GatewayPortal.Data.Tests.Schema;

/// <summary>The rule a node applies at start (docs/adr/0010): which schema a release with schema version 2 may run on.</summary>
public sealed class SchemaCheckTests
{
    private static readonly SchemaRelease Release2 = new(2, 1);

    [Theory]
    [InlineData(2, 1, SchemaState.Current)] // the same release migrated it
    [InlineData(2, 2, SchemaState.Current)]
    [InlineData(1, 1, SchemaState.Current)] // recorded by an older release, nothing pending: runs (migrate records 2)
    [InlineData(3, 2, SchemaState.NewerCompatible)] // release 3 only expanded since 2: rolling upgrade
    [InlineData(3, 1, SchemaState.NewerCompatible)]
    [InlineData(4, 3, SchemaState.NewerIncompatible)] // release 4 contracted past 2 (issue #17: an old binary on a newer schema)
    [InlineData(3, 3, SchemaState.NewerIncompatible)]
    public void Evaluate_RecordedVersion_DecidesWhetherTheReleaseRuns(int databaseVersion, int databaseMinCompatible, SchemaState expected)
    {
        // Act
        var check = SchemaCheck.Evaluate(Release2, new SchemaRelease(databaseVersion, databaseMinCompatible), [], []);

        // Assert
        Assert.Equal(expected, check.State);
        Assert.Equal(expected is SchemaState.Current or SchemaState.NewerCompatible, check.CanRun);
    }

    [Fact]
    public void Evaluate_PendingMigrations_IsBehindAndNamesThem()
    {
        // Act
        var check = SchemaCheck.Evaluate(Release2, new SchemaRelease(1, 1), ["20270101000000_Next"], []);

        // Assert
        Assert.Equal(SchemaState.Behind, check.State);
        Assert.False(check.CanRun);
        Assert.True(check.NeedsRecord);
        Assert.Contains("20270101000000_Next", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NothingRecordedOnAnEmptyDatabase_IsBehind()
    {
        // Act
        var check = SchemaCheck.Evaluate(Release2, null, ["20261123150208_Initial"], []);

        // Assert
        Assert.Equal(SchemaState.Behind, check.State);
        Assert.Contains("not recorded", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnknownMigrationsWithoutANewerRecord_RefusesAndNamesThem()
    {
        // Arrange: e.g. `dotnet ef database update` from a newer build, which writes no schema_info.
        var check = SchemaCheck.Evaluate(Release2, new SchemaRelease(2, 1), [], ["20270101000000_Unknown"]);

        // Act
        var message = check.Describe();

        // Assert
        Assert.Equal(SchemaState.NewerIncompatible, check.State);
        Assert.Contains("20270101000000_Unknown", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NewerCompatibleWithUnknownMigrations_RunsAndReportsThem()
    {
        // Act
        var check = SchemaCheck.Evaluate(Release2, new SchemaRelease(3, 2), [], ["20270101000000_Release3Expand"]);

        // Assert
        Assert.Equal(SchemaState.NewerCompatible, check.State);
        Assert.Contains("20270101000000_Release3Expand", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NewerIncompatible_NamesBothVersions()
    {
        // Act
        var message = SchemaCheck.Evaluate(Release2, new SchemaRelease(4, 3), [], []).Describe();

        // Assert
        Assert.Contains("database schema version 4 (runs releases from schema 3)", message, StringComparison.Ordinal);
        Assert.Contains("this release's schema version 2 (runs on schema from 1)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NewerButThisReleaseHasPendingMigrations_Refuses()
    {
        // Arrange: diverged histories: the newer release never applied one of ours.
        var check = SchemaCheck.Evaluate(Release2, new SchemaRelease(3, 1), ["20261201000000_Ours"], []);

        // Assert
        Assert.Equal(SchemaState.NewerIncompatible, check.State);
        Assert.Contains("20261201000000_Ours", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void RecordSql_NeverLowersANewerVersion()
    {
        // Act
        var sql = SchemaInfoModelBuilderExtensions.RecordSql(new SchemaRelease(2, 1), "20261207_X");

        // Assert: the upsert is guarded, so an old release's `migrate` cannot overwrite a newer record.
        Assert.Contains("WHERE \"schema_info\".\"Version\" <= excluded.\"Version\"", sql, StringComparison.Ordinal);
        Assert.Contains("VALUES (1, 2, 1, '20261207_X'", sql, StringComparison.Ordinal);
    }
}
