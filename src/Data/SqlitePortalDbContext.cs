using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Data;

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);
