using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Search.Storage;

/// <summary>Maps the crawler's state, and the search change feed with portable types (SQLite and PostgreSQL).</summary>
public static class SearchModelBuilderExtensions
{
    /// <summary>The longest site key.</summary>
    public const int MaxSiteKeyLength = 100;

    /// <summary>The longest URL stored.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Adds the <c>crawl_*</c>, and <c>search_changes</c> tables.</summary>
    public static ModelBuilder ApplySearchModel(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Entity<CrawlSiteRow>(entity =>
        {
            entity.ToTable("crawl_sites");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Key).HasMaxLength(MaxSiteKeyLength);
            entity.Property(e => e.Name).HasMaxLength(200);
            entity.Property(e => e.StartUrl).HasMaxLength(MaxUrlLength);
            entity.Property(e => e.AllowedHosts).HasMaxLength(2000);
            entity.Property(e => e.AllowedPrincipals).HasMaxLength(4000);
            entity.Property(e => e.UpdatedBy).HasMaxLength(256);
            entity.HasIndex(e => e.Key).IsUnique();
        });

        builder.Entity<CrawlPageRow>(entity =>
        {
            entity.ToTable("crawl_pages");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Site).HasMaxLength(MaxSiteKeyLength);
            entity.Property(e => e.Url).HasMaxLength(MaxUrlLength);
            entity.Property(e => e.UrlHash).HasMaxLength(64);
            entity.Property(e => e.DocumentId).HasMaxLength(400);
            entity.Property(e => e.ETag).HasMaxLength(400);
            entity.Property(e => e.ContentHash).HasMaxLength(64);
            entity.HasIndex(e => new { e.Site, e.UrlHash }).IsUnique();
            entity.HasIndex(e => new { e.Site, e.ContentHash });
            entity.HasIndex(e => e.DocumentId);
        });

        builder.Entity<CrawlCheckpointRow>(entity =>
        {
            entity.ToTable("crawl_checkpoints");
            entity.HasKey(e => e.Site);
            entity.Property(e => e.Site).HasMaxLength(MaxSiteKeyLength);
        });

        builder.Entity<CrawlSiteStatusRow>(entity =>
        {
            entity.ToTable("crawl_site_status");
            entity.HasKey(e => e.Site);
            entity.Property(e => e.Site).HasMaxLength(MaxSiteKeyLength);
            entity.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
            entity.Property(e => e.Node).HasMaxLength(200);
            entity.Property(e => e.LastError).HasMaxLength(2000);
        });

        builder.Entity<SearchChangeRow>(entity =>
        {
            entity.ToTable("search_changes");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Source).HasMaxLength(32);
            entity.Property(e => e.Key).HasMaxLength(400);
            entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entity.Property(e => e.Node).HasMaxLength(200);
            entity.HasIndex(e => e.CreatedUtc);
        });

        return builder;
    }
}
