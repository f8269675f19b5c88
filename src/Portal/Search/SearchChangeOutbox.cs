using System.Runtime.CompilerServices;
using GatewayPortal.Boards.Storage;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Portal.Data;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Documents;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// The search change feed as an outbox for the portal's own data: when a <see cref="PortalDbContext"/> saves a wiki page,
/// revision or permission, or an application of the registry, this adds the feed rows in the same transaction (the
/// caller's, or one it opens around the save). Keys of added rows exist only after the insert, so the rows go in a
/// second save inside that transaction. Writes that bypass the change tracker add their rows themselves.
/// </summary>
internal sealed class SearchChangeOutbox(IServiceProvider services) : SaveChangesInterceptor
{
    // Resolved at the first save: the feed's dependencies (node, leases) need the context options this interceptor is part of.
    private readonly Lazy<ISearchChangeFeed?> _feed = new(services.GetService<ISearchChangeFeed>);
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];
    // Keyed by EF's transaction, new for every transaction: Npgsql reuses one DbTransaction object per pooled connection,
    // so a set keyed by it would skip the next transaction's row for a document already written on that connection.
    private readonly ConditionalWeakTable<IDbContextTransaction, HashSet<(string, string)>> _written = [];

    /// <inheritdoc/>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Collect(eventData.Context) is { } pending)
        {
            pending.Owned = pending.Db.Database.CurrentTransaction is null ? pending.Db.Database.BeginTransaction() : null;
        }

        return result;
    }

    /// <inheritdoc/>
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Collect(eventData.Context) is { } pending)
        {
            pending.Owned = pending.Db.Database.CurrentTransaction is null
                ? await pending.Db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
                : null;
        }

        return result;
    }

    /// <inheritdoc/>
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Writing(eventData.Context) is { } pending)
        {
            try
            {
                AddRows(pending);
                pending.Db.SaveChanges();
                pending.Owned?.Commit();
            }
            finally
            {
                End(pending);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Writing(eventData.Context) is { } pending)
        {
            try
            {
                AddRows(pending);
                await pending.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                if (pending.Owned is { } owned)
                {
                    await owned.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                End(pending);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            End(pending);
        }
    }

    /// <inheritdoc/>
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>The feed's source and key of a tracked change, or null when search does not show the entity.</summary>
    internal static (string Source, string Key, SearchChangeKind Kind)? ChangeOf(object entity, EntityState state) => entity switch
    {
        WikiPage page => (SearchSources.Wiki, WikiSearchUpdater.KeyOf(page.Id),
            state == EntityState.Deleted || page.DeletedAt is not null || page.RedirectToPageId is not null ? SearchChangeKind.Delete : SearchChangeKind.Upsert),
        WikiRevision revision => (SearchSources.Wiki, WikiSearchUpdater.KeyOf(revision.PageId), SearchChangeKind.Upsert),
        WikiPagePermission { PageId: { } pageId } => (SearchSources.Wiki, WikiSearchUpdater.KeyOf(pageId), SearchChangeKind.Upsert),
        PortalApplication => (SearchSources.Application, ApplicationSearchUpdater.AllKey, SearchChangeKind.Upsert),
        BoardPost post => (SearchSources.Notice, NoticeSearchDocuments.KeyOf(post.Id), post.IsDeleted ? SearchChangeKind.Delete : SearchChangeKind.Upsert),
        _ => null,
    };

    private Pending? Collect(DbContext? context)
    {
        // A save this outbox makes itself (the feed rows) is not collected again.
        if (context is not PortalDbContext db || _feed.Value is null || _pending.TryGetValue(db, out _))
        {
            return null;
        }

        List<(object Entity, EntityState State)> changed = [.. db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ChangeOf(e.Entity, e.State) is not null)
            .Select(e => (e.Entity, e.State))];
        if (changed.Count == 0)
        {
            return null;
        }

        var pending = new Pending(db, changed);
        _pending.Add(db, pending);
        return pending;
    }

    private Pending? Writing(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Writing)
        {
            return null;
        }

        pending.Writing = true;
        return pending;
    }

    // Keys are read after the insert (generated ids); one row per document and transaction, however often it saves.
    private void AddRows(Pending pending)
    {
        var transaction = pending.Owned ?? pending.Db.Database.CurrentTransaction;
        var written = transaction is null ? [] : _written.GetValue(transaction, _ => []);
        var changes = pending.Changed.Select(c => ChangeOf(c.Entity, c.State)!.Value)
            .GroupBy(c => (c.Source, c.Key))
            .Select(g => (g.Key.Source, g.Key.Key, Kind: g.Any(c => c.Kind == SearchChangeKind.Delete) ? SearchChangeKind.Delete : SearchChangeKind.Upsert));
        foreach (var (source, key, kind) in changes)
        {
            if (written.Add((source, key)))
            {
                _feed.Value!.Add(pending.Db, source, key, kind);
            }
        }
    }

    private void End(Pending pending)
    {
        _pending.Remove(pending.Db);
        pending.Owned?.Dispose();
    }

    private sealed class Pending(PortalDbContext db, List<(object Entity, EntityState State)> changed)
    {
        public PortalDbContext Db => db;

        public List<(object Entity, EntityState State)> Changed => changed;

        public IDbContextTransaction? Owned { get; set; }

        public bool Writing { get; set; }
    }
}
