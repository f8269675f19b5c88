using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GatewayPortal.Boards.Storage;

/// <summary>
/// The boards' tables in the portal's database. The host's DbContext implements this, declares the sets and calls
/// <see cref="BoardsModelBuilderExtensions.ApplyBoardsModel"/> in OnModelCreating.
/// </summary>
public interface IBoardsDbContext
{
    /// <summary>Boards.</summary>
    DbSet<Board> Boards { get; }

    /// <summary>Reader, poster and manager groups per board.</summary>
    DbSet<BoardGroup> BoardGroups { get; }

    /// <summary>Posts.</summary>
    DbSet<BoardPost> BoardPosts { get; }

    /// <summary>Audience groups per post.</summary>
    DbSet<BoardPostAudience> BoardPostAudiences { get; }

    /// <summary>Post history.</summary>
    DbSet<BoardPostRevision> BoardPostRevisions { get; }

    /// <summary>Attachment metadata.</summary>
    DbSet<BoardAttachment> BoardAttachments { get; }

    /// <summary>Attachment bytes.</summary>
    DbSet<BoardAttachmentContent> BoardAttachmentContents { get; }

    /// <summary>Read state per person and post.</summary>
    DbSet<BoardReadState> BoardReadStates { get; }

    /// <summary>The database, for transactions.</summary>
    DatabaseFacade Database { get; }

    /// <summary>The change tracker.</summary>
    ChangeTracker ChangeTracker { get; }

    /// <summary>Saves pending changes.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
