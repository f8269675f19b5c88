namespace GatewayPortal.Identity.Audit;

/// <summary>An administrator's change to record.</summary>
/// <param name="Action">Stable action code such as <c>application.update</c> (see <see cref="AdminAuditActions"/>).</param>
/// <param name="TargetType">Kind of target (see <see cref="AdminAuditTargets"/>).</param>
/// <param name="TargetId">The target's id.</param>
/// <param name="TargetName">The target's name for people.</param>
/// <param name="Before">The target before (serialised to JSON; must hold no secret), or null.</param>
/// <param name="After">The target after (serialised to JSON; must hold no secret), or null.</param>
/// <param name="Summary">A short sentence.</param>
public sealed record AdminAuditEvent(
    string Action,
    string TargetType,
    string TargetId,
    string? TargetName = null,
    object? Before = null,
    object? After = null,
    string? Summary = null);

/// <summary>Who made a change.</summary>
/// <param name="SubjectId">Subject id (or <c>system</c>).</param>
/// <param name="Name">Login and display name.</param>
/// <param name="IpAddress">Client address, when over HTTP.</param>
public sealed record AdminAuditActor(string SubjectId, string Name, string? IpAddress)
{
    /// <summary>The actor of changes made without a signed-in person (operator command line, start-up).</summary>
    public static AdminAuditActor System { get; } = new("system", "system", null);
}

/// <summary>Tells who is making the current change (the host reads the signed-in administrator).</summary>
public interface IAdminAuditActorSource
{
    /// <summary>The current actor, or <see cref="AdminAuditActor.System"/> outside a request.</summary>
    AdminAuditActor Current { get; }
}

/// <summary>Stable action codes of the admin audit trail.</summary>
public static class AdminAuditActions
{
    public const string ApplicationCreate = "application.create";
    public const string ApplicationUpdate = "application.update";
    public const string ApplicationStatus = "application.status";
    public const string ApplicationSecretReset = "application.secret.reset";
    public const string ApplicationImport = "application.import";
    public const string SessionEnd = "session.end";
    public const string BoardCreate = "board.create";
    public const string BoardUpdate = "board.update";
    public const string CrawlSiteCreate = "crawl-site.create";
    public const string CrawlSiteUpdate = "crawl-site.update";
    public const string CrawlSiteDelete = "crawl-site.delete";
    public const string CrawlSiteCrawl = "crawl-site.crawl";
    public const string SearchIndexRebuild = "search.index.rebuild";
    public const string WikiPermissionsUpdate = "wiki.permissions.update";
    public const string WikiPageDelete = "wiki.page.delete";
    public const string WikiPageRestore = "wiki.page.restore";
    public const string WikiPageProtect = "wiki.page.protect";
    public const string OidcKeyRotate = "oidc-key.rotate";
    public const string OidcKeyRetire = "oidc-key.retire";
    public const string DataProtectionRotate = "dataprotection.rotate";

    /// <summary>Every code, for the page's filter.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ApplicationCreate, ApplicationUpdate, ApplicationStatus, ApplicationSecretReset, ApplicationImport, SessionEnd, BoardCreate, BoardUpdate,
        CrawlSiteCreate, CrawlSiteUpdate, CrawlSiteDelete, CrawlSiteCrawl, SearchIndexRebuild, WikiPermissionsUpdate, WikiPageDelete,
        WikiPageRestore, WikiPageProtect, OidcKeyRotate, OidcKeyRetire, DataProtectionRotate,
    ];
}

/// <summary>Stable target kinds of the admin audit trail.</summary>
public static class AdminAuditTargets
{
    public const string Application = "application";
    public const string Catalogue = "application-catalogue";
    public const string Session = "session";
    public const string Board = "board";
    public const string CrawlSite = "crawl-site";
    public const string SearchIndex = "search-index";
    public const string WikiPage = "wiki-page";
    public const string OidcKey = "oidc-key";
    public const string DataProtectionKeyRing = "dataprotection-key-ring";

    /// <summary>Every kind, for the page's filter.</summary>
    public static IReadOnlyList<string> All { get; } = [Application, Catalogue, Session, Board, CrawlSite, SearchIndex, WikiPage, OidcKey, DataProtectionKeyRing];
}
