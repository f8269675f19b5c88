using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GatewayPortal.Wiki.Storage;

/// <summary>
/// The wiki's tables in the portal's database. The host's DbContext implements this (a DbContext already provides
/// <see cref="Database"/>, <see cref="ChangeTracker"/> and <see cref="SaveChangesAsync"/>), declares the sets and calls
/// <see cref="WikiModelBuilderExtensions.ApplyWikiModel"/> in OnModelCreating.
/// </summary>
public interface IWikiDbContext
{
    /// <summary>Spaces (department and project rooms).</summary>
    DbSet<WikiSpace> WikiSpaces { get; }

    /// <summary>Pages.</summary>
    DbSet<WikiPage> WikiPages { get; }

    /// <summary>Revisions.</summary>
    DbSet<WikiRevision> WikiRevisions { get; }

    /// <summary>Links from each page's current revision.</summary>
    DbSet<WikiLink> WikiLinks { get; }

    /// <summary>Blame states per revision.</summary>
    DbSet<WikiBlameCache> WikiBlameCache { get; }

    /// <summary>Read and edit restrictions.</summary>
    DbSet<WikiPagePermission> WikiPagePermissions { get; }

    /// <summary>Unsaved edits.</summary>
    DbSet<WikiDraft> WikiDrafts { get; }

    /// <summary>Watched pages (the ☆ on a page).</summary>
    DbSet<WikiWatch> WikiWatches { get; }

    /// <summary>The database, for transactions.</summary>
    DatabaseFacade Database { get; }

    /// <summary>The change tracker, cleared before a save is retried.</summary>
    ChangeTracker ChangeTracker { get; }

    /// <summary>Saves pending changes.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
