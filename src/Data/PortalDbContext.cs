using GatewayPortal.Boards.Storage;
using GatewayPortal.Cluster;
using GatewayPortal.Data.Schema;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.Oidc;
using GatewayPortal.Identity.Oidc.Keys;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.Storage;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Storage;
using GatewayPortal.Wiki.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Data;

/// <summary>
/// The portal's database. Each provider has a subclass that owns its migrations
/// (<see cref="SqlitePortalDbContext"/>, <see cref="PostgresPortalDbContext"/>).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : DbContext(options), IIdentityDbContext, IOidcDbContext, IApplicationsDbContext, IDataProtectionKeyContext, IWikiDbContext, IClusterDbContext,
    ISearchDbContext, IBoardsDbContext, IWorkCountersDbContext
{
    public DbSet<SignInAuditEntry> SignInAudit => Set<SignInAuditEntry>();

    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

    public DbSet<MfaEnrollment> MfaEnrollments => Set<MfaEnrollment>();

    public DbSet<MfaRecoveryCode> MfaRecoveryCodes => Set<MfaRecoveryCode>();

    public DbSet<PortalSession> PortalSessions => Set<PortalSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<PortalApplication> Applications => Set<PortalApplication>();

    public DbSet<UserFavoriteApplication> ApplicationFavorites => Set<UserFavoriteApplication>();

    public DbSet<ApplicationLaunch> ApplicationLaunches => Set<ApplicationLaunch>();

    public DbSet<WorkCounterRow> WorkCounters => Set<WorkCounterRow>();

    public DbSet<OidcKey> OidcKeys => Set<OidcKey>();

    public DbSet<OidcSessionApplication> OidcSessionApplications => Set<OidcSessionApplication>();

    public DbSet<WikiSpace> WikiSpaces => Set<WikiSpace>();

    public DbSet<WikiPage> WikiPages => Set<WikiPage>();

    public DbSet<WikiRevision> WikiRevisions => Set<WikiRevision>();

    public DbSet<WikiLink> WikiLinks => Set<WikiLink>();

    public DbSet<WikiBlameCache> WikiBlameCache => Set<WikiBlameCache>();

    public DbSet<WikiPagePermission> WikiPagePermissions => Set<WikiPagePermission>();

    public DbSet<WikiDraft> WikiDrafts => Set<WikiDraft>();

    public DbSet<WikiWatch> WikiWatches => Set<WikiWatch>();

    public DbSet<CrawlSiteRow> CrawlSites => Set<CrawlSiteRow>();

    public DbSet<CrawlPageRow> CrawlPages => Set<CrawlPageRow>();

    public DbSet<CrawlCheckpointRow> CrawlCheckpoints => Set<CrawlCheckpointRow>();

    public DbSet<CrawlSiteStatusRow> CrawlSiteStatus => Set<CrawlSiteStatusRow>();

    public DbSet<SearchChangeRow> SearchChanges => Set<SearchChangeRow>();

    public DbSet<LeaseRow> Leases => Set<LeaseRow>();

    public DbSet<Board> Boards => Set<Board>();

    public DbSet<BoardGroup> BoardGroups => Set<BoardGroup>();

    public DbSet<BoardPost> BoardPosts => Set<BoardPost>();

    public DbSet<BoardPostAudience> BoardPostAudiences => Set<BoardPostAudience>();

    public DbSet<BoardPostRevision> BoardPostRevisions => Set<BoardPostRevision>();

    public DbSet<BoardAttachment> BoardAttachments => Set<BoardAttachment>();

    public DbSet<BoardAttachmentContent> BoardAttachmentContents => Set<BoardAttachmentContent>();

    public DbSet<BoardReadState> BoardReadStates => Set<BoardReadState>();

    public DbSet<SchemaInfoRow> SchemaInfo => Set<SchemaInfoRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseGatewayIdentity();
        modelBuilder.UseGatewayOidc();
        modelBuilder.UseGatewayApplications();
        modelBuilder.ApplyWorkCountersModel();
        modelBuilder.ApplyWikiModel();
        modelBuilder.ApplySearchModel();
        modelBuilder.ApplyClusterModel();
        modelBuilder.ApplyBoardsModel();
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.ApplySchemaInfoModel();
    }
}
