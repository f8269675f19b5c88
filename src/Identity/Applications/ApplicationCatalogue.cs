using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Applications;

/// <summary>
/// The application registry, kept in memory: every launcher view needs all of it, every authorization request
/// one entry, and it changes only when an administrator edits it. Changes on this node are seen at once
/// (<see cref="Invalidate"/>); changes made on another node within <see cref="RefreshAfter"/>. The rows handed
/// out are shared: read them, never change them.
/// </summary>
public sealed class ApplicationCatalogue(TimeProvider timeProvider)
{
    /// <summary>How long a loaded catalogue is used before it is read again.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _current;
    private long _version;

    /// <summary>
    /// Grows whenever the copy in memory is dropped or read again: a view built from the catalogue (the launcher's tiles)
    /// is current only while this has not changed.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The launchable applications (not retired, with a launch URL).</summary>
    public async ValueTask<IReadOnlyList<PortalApplication>> GetLaunchableAsync(IApplicationsDbContext db, CancellationToken cancellationToken = default) =>
        (await GetAsync(db, cancellationToken).ConfigureAwait(false)).Launchable;

    /// <summary>One application by client id, retired ones included; null when there is none.</summary>
    public async ValueTask<PortalApplication?> FindAsync(IApplicationsDbContext db, string clientId, CancellationToken cancellationToken = default) =>
        (await GetAsync(db, cancellationToken).ConfigureAwait(false)).ByClientId.GetValueOrDefault(clientId);

    private async ValueTask<Snapshot> GetAsync(IApplicationsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = timeProvider.GetUtcNow();
        var current = _current;
        if (current is not null && now < current.Expires)
        {
            return current;
        }

        var applications = await db.Applications.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = new Snapshot(
            [.. applications.Where(a => a.Status != ApplicationStatus.Retired && a.LaunchUrl != null)],
            applications.ToDictionary(a => a.ClientId, StringComparer.Ordinal),
            now + RefreshAfter);
        _current = snapshot;
        Interlocked.Increment(ref _version);
        return snapshot;
    }

    /// <summary>Forgets the copy in memory; call after the registry changed.</summary>
    public void Invalidate()
    {
        _current = null;
        Interlocked.Increment(ref _version);
    }

    private sealed record Snapshot(IReadOnlyList<PortalApplication> Launchable, Dictionary<string, PortalApplication> ByClientId, DateTimeOffset Expires);
}
