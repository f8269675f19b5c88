using GatewayPortal.Data.Postgres;
using Npgsql;

namespace GatewayPortal.Data.Tests;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void WithPortalDefaults_PlainConnectionString_KeepsPooledConnectionsAndPreparesStatements()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresPortalDatabase.WithPortalDefaults("Host=db;Database=portal;Username=portal"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("portal", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;noresetonclose=false;MaxAutoPrepare=0")]
    public void WithPortalDefaults_OperatorsOwnSettings_AreKept(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresPortalDatabase.WithPortalDefaults(connectionString));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }
}
