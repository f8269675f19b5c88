using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Tests.Support;

/// <summary>A host-style DbContext that implements <see cref="IWikiDbContext"/> the way the Portal's will.</summary>
public sealed class TestWikiDbContext(DbContextOptions<TestWikiDbContext> options) : DbContext(options), IWikiDbContext
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
