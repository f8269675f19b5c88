using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GatewayPortal.Boards.Storage;

/// <summary>Maps the boards into the host's model with portable types, lengths and indexes (SQLite and PostgreSQL).</summary>
public static class BoardsModelBuilderExtensions
{
    /// <summary>The longest board key.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>The longest board name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest body (characters).</summary>
    public const int MaxBodyLength = 100_000;

    /// <summary>The longest category.</summary>
    public const int MaxCategoryLength = 40;

    /// <summary>The longest group name.</summary>
    public const int MaxGroupLength = 256;

    /// <summary>The longest subject id.</summary>
    public const int MaxSubjectLength = 64;

    /// <summary>The longest person or department name.</summary>
    public const int MaxPersonLength = 200;

    /// <summary>The longest attachment file name.</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>The longest search text kept per post (characters).</summary>
    public const int MaxSearchTextLength = 4000;

    /// <summary>Adds the <c>board_*</c> tables.</summary>
    public static ModelBuilder ApplyBoardsModel(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        var utcNullable = new ValueConverter<DateTime?, DateTime?>(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

        builder.Entity<Board>(entity =>
        {
            entity.ToTable("boards");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Key).HasMaxLength(MaxKeyLength);
            entity.Property(e => e.NameKo).HasMaxLength(MaxNameLength);
            entity.Property(e => e.NameEn).HasMaxLength(MaxNameLength);
            entity.Property(e => e.DepartmentCode).HasMaxLength(MaxKeyLength);
            entity.Property(e => e.Description).HasMaxLength(500);
            entity.Property(e => e.CreatedAt).HasConversion(utc);
            entity.Property(e => e.UpdatedAt).HasConversion(utc);
            entity.HasIndex(e => e.Key).IsUnique();
            entity.HasIndex(e => e.DepartmentCode);
        });

        builder.Entity<BoardGroup>(entity =>
        {
            entity.ToTable("board_groups");
            entity.HasKey(e => new { e.BoardId, e.Role, e.Group });
            entity.Property(e => e.Group).HasMaxLength(MaxGroupLength);
            entity.HasIndex(e => new { e.Group, e.Role });
            entity.HasOne<Board>().WithMany().HasForeignKey(e => e.BoardId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BoardPost>(entity =>
        {
            entity.ToTable("board_posts");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Title).HasMaxLength(MaxTitleLength);
            entity.Property(e => e.Body).HasMaxLength(MaxBodyLength);
            entity.Property(e => e.Category).HasMaxLength(MaxCategoryLength);
            entity.Property(e => e.AuthorSubject).HasMaxLength(MaxSubjectLength);
            entity.Property(e => e.AuthorName).HasMaxLength(MaxPersonLength);
            entity.Property(e => e.AuthorDepartment).HasMaxLength(MaxPersonLength);
            entity.Property(e => e.SearchText).HasMaxLength(MaxSearchTextLength);
            entity.Property(e => e.Version).IsConcurrencyToken();
            entity.Property(e => e.PinnedUntil).HasConversion(utcNullable);
            entity.Property(e => e.PublishAt).HasConversion(utc);
            entity.Property(e => e.ExpiresAt).HasConversion(utcNullable);
            entity.Property(e => e.CreatedAt).HasConversion(utc);
            entity.Property(e => e.UpdatedAt).HasConversion(utc);
            entity.HasIndex(e => new { e.BoardId, e.IsDeleted, e.PublishAt });
            entity.HasIndex(e => new { e.IsDeleted, e.PublishAt });
            entity.HasIndex(e => new { e.IsDeleted, e.PinnedUntil });
            entity.HasIndex(e => e.AuthorSubject);
            entity.HasOne<Board>().WithMany().HasForeignKey(e => e.BoardId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BoardPostAudience>(entity =>
        {
            entity.ToTable("board_post_audiences");
            entity.HasKey(e => new { e.PostId, e.Group });
            entity.Property(e => e.Group).HasMaxLength(MaxGroupLength);
            entity.HasOne<BoardPost>().WithMany().HasForeignKey(e => e.PostId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BoardPostRevision>(entity =>
        {
            entity.ToTable("board_post_revisions");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.EditorSubject).HasMaxLength(MaxSubjectLength);
            entity.Property(e => e.EditorName).HasMaxLength(MaxPersonLength);
            entity.Property(e => e.Title).HasMaxLength(MaxTitleLength);
            entity.Property(e => e.Body).HasMaxLength(MaxBodyLength);
            entity.Property(e => e.Category).HasMaxLength(MaxCategoryLength);
            entity.Property(e => e.Audience).HasMaxLength(64 * (MaxGroupLength + 1));
            entity.Property(e => e.Attachments).HasMaxLength(16 * (MaxFileNameLength + 1));
            entity.Property(e => e.PinnedUntil).HasConversion(utcNullable);
            entity.Property(e => e.PublishAt).HasConversion(utc);
            entity.Property(e => e.ExpiresAt).HasConversion(utcNullable);
            entity.Property(e => e.CreatedAt).HasConversion(utc);
            entity.HasIndex(e => new { e.PostId, e.Version }).IsUnique();
            entity.HasOne<BoardPost>().WithMany().HasForeignKey(e => e.PostId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BoardAttachment>(entity =>
        {
            entity.ToTable("board_attachments");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.FileName).HasMaxLength(MaxFileNameLength);
            entity.Property(e => e.ContentType).HasMaxLength(100);
            entity.Property(e => e.Sha256).HasMaxLength(64);
            entity.Property(e => e.CreatedAt).HasConversion(utc);
            entity.HasIndex(e => e.PostId);
            entity.HasOne<BoardPost>().WithMany().HasForeignKey(e => e.PostId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BoardAttachmentContent>(entity =>
        {
            entity.ToTable("board_attachment_contents");
            entity.HasKey(e => e.AttachmentId);
            entity.Property(e => e.AttachmentId).ValueGeneratedNever();
            entity.HasOne<BoardAttachment>().WithOne().HasForeignKey<BoardAttachmentContent>(e => e.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BoardReadState>(entity =>
        {
            entity.ToTable("board_read_states");
            entity.HasKey(e => new { e.Subject, e.PostId });
            entity.Property(e => e.Subject).HasMaxLength(MaxSubjectLength);
            entity.Property(e => e.ReadAt).HasConversion(utc);
            entity.HasIndex(e => e.PostId);
            entity.HasOne<BoardPost>().WithMany().HasForeignKey(e => e.PostId).OnDelete(DeleteBehavior.Cascade);
        });

        return builder;
    }
}
