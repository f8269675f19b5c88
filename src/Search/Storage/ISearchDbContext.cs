using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GatewayPortal.Search.Storage;

/// <summary>
/// Search's tables in the host's database: the crawler's state and the change feed. The host's DbContext implements
/// this, declares the sets and calls <see cref="SearchModelBuilderExtensions.ApplySearchModel"/> in OnModelCreating.
/// </summary>
public interface ISearchDbContext : IAsyncDisposable
{
    /// <summary>Sites added on the admin page.</summary>
    DbSet<CrawlSiteRow> CrawlSites { get; }

    /// <summary>What the crawler knows of each URL.</summary>
    DbSet<CrawlPageRow> CrawlPages { get; }

    /// <summary>Unfinished crawls' checkpoints.</summary>
    DbSet<CrawlCheckpointRow> CrawlCheckpoints { get; }

    /// <summary>Each site's crawl status.</summary>
    DbSet<CrawlSiteStatusRow> CrawlSiteStatus { get; }

    /// <summary>The search change feed.</summary>
    DbSet<SearchChangeRow> SearchChanges { get; }

    /// <summary>The database, for transactions.</summary>
    DatabaseFacade Database { get; }

    /// <summary>Saves pending changes.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
