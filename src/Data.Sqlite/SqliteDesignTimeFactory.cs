using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GatewayPortal.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the host (this project is its startup project).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        options.UsePortalSqlite("Data Source=design.db");
        return new(options.Options);
    }
}
