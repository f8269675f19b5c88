using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>A host-style DbContext implementing <see cref="IWikiDbContext"/>, as the Portal's does.</summary>
public sealed class BenchWikiDbContext(DbContextOptions<BenchWikiDbContext> options) : DbContext(options), IWikiDbContext
{
    public DbSet<WikiSpace> WikiSpaces => Set<WikiSpace>();

    public DbSet<WikiPage> WikiPages => Set<WikiPage>();

    public DbSet<WikiRevision> WikiRevisions => Set<WikiRevision>();

    public DbSet<WikiLink> WikiLinks => Set<WikiLink>();

    public DbSet<WikiBlameCache> WikiBlameCache => Set<WikiBlameCache>();

    public DbSet<WikiPagePermission> WikiPagePermissions => Set<WikiPagePermission>();

    public DbSet<WikiDraft> WikiDrafts => Set<WikiDraft>();

    public DbSet<WikiWatch> WikiWatches => Set<WikiWatch>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyWikiModel();
}
