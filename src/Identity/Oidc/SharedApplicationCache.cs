using System.Collections.Concurrent;
using GatewayPortal.Identity.Applications;
using OpenIddict.EntityFrameworkCore.Models;

namespace GatewayPortal.Identity.Oidc;

/// <summary>
/// The OpenIddict application rows the OpenID Connect endpoints of this node looked up (see
/// <see cref="CachingApplicationManager"/>): read-only, dropped when this node changes an application or the catalogue,
/// and read again after <see cref="ApplicationCatalogue.RefreshAfter"/> so another node's change is seen within it.
/// </summary>
public sealed class SharedApplicationCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Changes whenever the cache is invalidated; a row read before the change is never stored.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The row of <paramref name="clientId"/>, or null when none younger than the refresh interval is kept.</summary>
    internal OpenIddictEntityFrameworkCoreApplication? TryGet(string clientId, long generation) =>
        _entries.TryGetValue(clientId, out var entry) && entry.Generation == generation
            && time.GetUtcNow() - entry.ReadAt < ApplicationCatalogue.RefreshAfter
            ? entry.Application
            : null;

    /// <summary>Keeps a row read while <see cref="Generation"/> was <paramref name="generation"/>.</summary>
    internal void Set(string clientId, OpenIddictEntityFrameworkCoreApplication application, long generation)
    {
        // At most one row per registered client: the catalogue has a few hundred.
        if (generation == Generation)
        {
            _entries[clientId] = new Entry(application, generation, time.GetUtcNow());
        }
    }

    /// <summary>Drops every row (an application was created, changed or deleted on this node).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(OpenIddictEntityFrameworkCoreApplication Application, long Generation, DateTimeOffset ReadAt);
}
