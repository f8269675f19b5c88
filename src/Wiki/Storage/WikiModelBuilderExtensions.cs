using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Storage;

/// <summary>Maps the wiki into the host's model with portable types, lengths and indexes (SQLite and PostgreSQL).</summary>
public static class WikiModelBuilderExtensions
{
    /// <summary>The longest user subject id stored.</summary>
    public const int MaxSubjectLength = 64;

    /// <summary>The longest display name stored.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest edit summary.</summary>
    public const int MaxSummaryLength = 500;

    /// <summary>The longest group name.</summary>
    public const int MaxGroupLength = 256;

    /// <summary>The longest slug: space, ':' and title, plus a possible leading ':'.</summary>
    public const int MaxSlugLength = WikiTitle.MaxSpaceLength + WikiTitle.MaxLength + 2;

    /// <summary>Adds the <c>wiki_*</c> tables.</summary>
    public static ModelBuilder ApplyWikiModel(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Entity<WikiSpace>(entity =>
        {
            entity.ToTable("wiki_spaces");
            entity.HasKey(e => e.Key);
            entity.Property(e => e.Key).HasMaxLength(WikiTitle.MaxSpaceLength);
            entity.Property(e => e.Name).HasMaxLength(MaxNameLength);
            entity.Property(e => e.Description).HasMaxLength(MaxSummaryLength);
        });

        builder.Entity<WikiPage>(entity =>
        {
            entity.ToTable("wiki_pages");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.SpaceKey).HasMaxLength(WikiTitle.MaxSpaceLength);
            entity.Property(e => e.Title).HasMaxLength(WikiTitle.MaxLength);
            entity.Property(e => e.Slug).HasMaxLength(MaxSlugLength);
            entity.Property(e => e.DeletedBy).HasMaxLength(MaxSubjectLength);
            entity.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
            entity.HasIndex(e => new { e.SpaceKey, e.Title }).IsUnique();
            entity.HasIndex(e => e.Slug).IsUnique();
            // The watch list walks the most recently changed pages first.
            entity.HasIndex(e => e.CurrentRevisionId);
            entity.HasOne<WikiPage>().WithMany().HasForeignKey(e => e.RedirectToPageId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<WikiRevision>(entity =>
        {
            entity.ToTable("wiki_revisions");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.AuthorSubject).HasMaxLength(MaxSubjectLength);
            entity.Property(e => e.AuthorName).HasMaxLength(MaxNameLength);
            entity.Property(e => e.Summary).HasMaxLength(MaxSummaryLength);
            entity.Property(e => e.ContentHash).HasMaxLength(64);
            entity.HasIndex(e => new { e.PageId, e.Id });
            // Version numbers count per page; the index also refuses a second writer that picked the same number.
            entity.HasIndex(e => new { e.PageId, e.Number }).IsUnique();
            entity.HasIndex(e => new { e.PageId, e.ContentHash });
            entity.HasIndex(e => new { e.AuthorSubject, e.Id });
            // The watch list: "pages I edited" (distinct pages of one author) and "is the page's current revision mine", from the index alone.
            entity.HasIndex(e => new { e.AuthorSubject, e.PageId, e.Id });
            entity.HasOne<WikiPage>().WithMany().HasForeignKey(e => e.PageId).OnDelete(DeleteBehavior.Restrict);
            entity.HasOne<WikiRevision>().WithMany().HasForeignKey(e => e.ParentRevisionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<WikiLink>(entity =>
        {
            entity.ToTable("wiki_links");
            entity.HasKey(e => new { e.FromPageId, e.ToSpaceKey, e.ToTitle });
            entity.Property(e => e.ToSpaceKey).HasMaxLength(WikiTitle.MaxSpaceLength);
            entity.Property(e => e.ToTitle).HasMaxLength(WikiTitle.MaxLength);
            entity.HasIndex(e => new { e.ToSpaceKey, e.ToTitle });
            entity.HasOne<WikiPage>().WithMany().HasForeignKey(e => e.FromPageId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WikiBlameCache>(entity =>
        {
            entity.ToTable("wiki_blame_cache");
            entity.HasKey(e => e.RevisionId);
            entity.Property(e => e.RevisionId).ValueGeneratedNever();
            entity.HasOne<WikiRevision>().WithOne().HasForeignKey<WikiBlameCache>(e => e.RevisionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WikiPagePermission>(entity =>
        {
            entity.ToTable("wiki_page_permissions");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.SpaceKey).HasMaxLength(WikiTitle.MaxSpaceLength);
            entity.Property(e => e.Group).HasMaxLength(MaxGroupLength);
            entity.Property(e => e.Access).HasConversion<string>().HasMaxLength(8);
            entity.HasIndex(e => e.PageId);
            entity.HasIndex(e => e.SpaceKey);
            entity.HasOne<WikiPage>().WithMany().HasForeignKey(e => e.PageId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WikiDraft>(entity =>
        {
            entity.ToTable("wiki_drafts");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.SpaceKey).HasMaxLength(WikiTitle.MaxSpaceLength);
            entity.Property(e => e.Title).HasMaxLength(WikiTitle.MaxLength);
            entity.Property(e => e.UserSubject).HasMaxLength(MaxSubjectLength);
            entity.HasIndex(e => new { e.UserSubject, e.SpaceKey, e.Title }).IsUnique();
            entity.HasOne<WikiPage>().WithMany().HasForeignKey(e => e.PageId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<WikiWatch>(entity =>
        {
            entity.ToTable("wiki_watches");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Subject).HasMaxLength(MaxSubjectLength);
            entity.HasIndex(e => new { e.Subject, e.PageId }).IsUnique();
            // Who watches a page (reverse lookup, and the cascade when a page row is removed).
            entity.HasIndex(e => e.PageId);
            entity.HasOne<WikiPage>().WithMany().HasForeignKey(e => e.PageId).OnDelete(DeleteBehavior.Cascade);
        });

        return builder;
    }
}
