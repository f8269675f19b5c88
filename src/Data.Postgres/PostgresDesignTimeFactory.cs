using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GatewayPortal.Data.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server (this project is its startup project).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>();
        options.UsePortalPostgres("Host=localhost;Database=design");
        return new(options.Options);
    }
}
