using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Data;

/// <summary>The production store: PostgreSQL, shared by every node.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
