using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Data;

/// <summary>The production store: PostgreSQL, shared by every node.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
