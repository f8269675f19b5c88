using System.Collections.Concurrent;
using GatewayPortal.Identity.Applications;
using OpenIddict.EntityFrameworkCore.Models;

namespace GatewayPortal.Identity.Oidc;

/// <summary>
/// The OpenIddict application rows the OpenID Connect endpoints of this node looked up (see
/// <see cref="CachingApplicationManager"/>): read-only, valid while the <see cref="ApplicationCatalogue"/>'s version
/// stands (it changes whenever this node changes the registry or reloads it) and never longer than
/// <see cref="ApplicationCatalogue.RefreshAfter"/>, so another node's change is seen within it.
/// </summary>
public sealed class SharedApplicationCache(ApplicationCatalogue catalogue, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The catalogue's version: a row read before it changed is never served or stored.</summary>
    public long Generation => catalogue.Version;

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

    /// <summary>Drops every row and the catalogue's copy (an application was created, changed or deleted on this node).</summary>
    public void Invalidate()
    {
        catalogue.Invalidate();
        _entries.Clear();
    }

    private sealed record Entry(OpenIddictEntityFrameworkCoreApplication Application, long Generation, DateTimeOffset ReadAt);
}
