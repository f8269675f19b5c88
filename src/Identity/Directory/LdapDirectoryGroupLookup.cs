using System.DirectoryServices.Protocols;
using GatewayPortal.Identity.Applications.Admin;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Directory;

/// <summary>Finds groups (groupOfNames) by common name for the application administration pages.</summary>
internal sealed class LdapDirectoryGroupLookup(LdapConnectionPools pools, IOptions<LdapOptions> options) : IDirectoryGroupLookup
{
    private const int MaxPrefixLength = 64;
    private readonly LdapOptions _options = options.Value;

    public async Task<IReadOnlyList<string>> SearchGroupsAsync(string prefix, int max, CancellationToken cancellationToken)
    {
        var value = (prefix ?? "").Trim();
        if (value.Length > MaxPrefixLength || max < 1)
        {
            return [];
        }

        // Only the prefix is escaped: the trailing * is the substring wildcard.
        var names = await SearchAsync($"(&(objectClass=groupOfNames)(cn={LdapEscape.EscapeFilterValue(value)}*))", Math.Min(max, 200), cancellationToken).ConfigureAwait(false);
        return names.Order(StringComparer.Ordinal).ToList();
    }

    public async Task<bool> ExistsAsync(string cn, CancellationToken cancellationToken)
    {
        var value = (cn ?? "").Trim();
        if (value.Length is 0 or > 256)
        {
            return false;
        }

        return (await SearchAsync($"(&(objectClass=groupOfNames)(cn={LdapEscape.EscapeFilterValue(value)}))", 1, cancellationToken).ConfigureAwait(false)).Count > 0;
    }

    private Task<List<string>> SearchAsync(string filter, int max, CancellationToken cancellationToken) =>
        pools.Search.ExecuteAsync(
            c =>
            {
                var request = new SearchRequest(_options.EffectiveGroupSearchBase, filter, SearchScope.Subtree, "cn") { SizeLimit = max, TimeLimit = _options.OperationTimeout };
                SearchResponse response;
                try
                {
                    response = (SearchResponse)c.Connection.SendRequest(request, _options.OperationTimeout);
                }
                catch (DirectoryOperationException ex) when (ex.Response is SearchResponse { ResultCode: ResultCode.SizeLimitExceeded } partial)
                {
                    response = partial;
                }

                return response.Entries.Cast<SearchResultEntry>()
                    .Select(e => e.Attributes["cn"]?.GetValues(typeof(string)).OfType<string>().FirstOrDefault())
                    .OfType<string>()
                    .ToList();
            },
            cancellationToken);
}
