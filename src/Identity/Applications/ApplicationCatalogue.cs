using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Applications;

/// <summary>
/// The launchable applications (not retired, with a launch URL), kept in memory: every launcher view needs all
/// of them, and they change only when an administrator edits the registry. Changes on this node are seen at once
/// (<see cref="Invalidate"/>); changes made on another node within <see cref="RefreshAfter"/>. The rows handed
/// out are shared: read them, never change them.
/// </summary>
public sealed class ApplicationCatalogue(TimeProvider timeProvider)
{
    /// <summary>How long a loaded catalogue is used before it is read again.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _current;

    /// <summary>The launchable applications, read through <paramref name="db"/> when the copy in memory is stale.</summary>
    public async ValueTask<IReadOnlyList<PortalApplication>> GetLaunchableAsync(IApplicationsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = timeProvider.GetUtcNow();
        var current = _current;
        if (current is not null && now < current.Expires)
        {
            return current.Applications;
        }

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.Status != ApplicationStatus.Retired && a.LaunchUrl != null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        _current = new Snapshot(applications, now + RefreshAfter);
        return applications;
    }

    /// <summary>Forgets the copy in memory; call after the registry changed.</summary>
    public void Invalidate() => _current = null;

    private sealed record Snapshot(IReadOnlyList<PortalApplication> Applications, DateTimeOffset Expires);
}
