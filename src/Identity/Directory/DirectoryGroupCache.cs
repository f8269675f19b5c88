using System.Collections.Concurrent;
using System.DirectoryServices.Protocols;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Directory;

/// <summary>Reads group entries through the search pool and keeps them briefly, so a sign-in does not re-read the group graph.</summary>
internal sealed class DirectoryGroupCache(LdapConnectionPools pools, IOptions<LdapOptions> options, TimeProvider time)
{
    private const int MaxEntries = 50_000;
    private static readonly string[] Attributes = ["cn", "description", "memberOf"];

    private readonly ConcurrentDictionary<string, (DirectoryGroupEntry? Entry, DateTimeOffset Expires)> _entries =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The entries for <paramref name="dns"/> (missing or unreadable groups are left out).</summary>
    public async Task<IReadOnlyList<DirectoryGroupEntry>> GetAsync(IReadOnlyCollection<string> dns, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = new List<DirectoryGroupEntry>(dns.Count);
        var missing = new List<string>();
        foreach (var dn in dns)
        {
            if (_entries.TryGetValue(dn, out var cached) && cached.Expires > now)
            {
                if (cached.Entry is not null)
                {
                    found.Add(cached.Entry);
                }
            }
            else
            {
                missing.Add(dn);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var timeout = options.Value.OperationTimeout;
        var loaded = await pools.Search.ExecuteAsync(c => missing.Select(dn => (dn, Entry: Read(c, dn, timeout))).ToList(), cancellationToken)
            .ConfigureAwait(false);
        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        var expires = time.GetUtcNow() + options.Value.GroupCacheDuration;
        foreach (var (dn, entry) in loaded)
        {
            _entries[dn] = (entry, expires);
            if (entry is not null)
            {
                found.Add(entry);
            }
        }

        return found;
    }

    private static DirectoryGroupEntry? Read(PooledLdapConnection connection, string dn, TimeSpan timeout)
    {
        var request = new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, Attributes) { TimeLimit = timeout };
        try
        {
            var response = (SearchResponse)connection.Connection.SendRequest(request, timeout);
            if (response.Entries.Count == 0)
            {
                return null;
            }

            var entry = response.Entries[0];
            return new DirectoryGroupEntry(
                entry.DistinguishedName,
                LdapEntries.First(entry, "cn") ?? dn,
                LdapEntries.First(entry, "description"),
                LdapEntries.All(entry, "memberOf"));
        }
        catch (DirectoryOperationException ex) when (ex.Response?.ResultCode is ResultCode.NoSuchObject or ResultCode.InsufficientAccessRights)
        {
            return null;
        }
    }
}
