using System.DirectoryServices.Protocols;

namespace GatewayPortal.Identity.Directory;

internal sealed partial class LdapDirectoryService
{
    private static readonly string[] UserAttributes =
    [
        "entryUUID", "uid", "cn", "displayName", "mail", "employeeNumber", "ou", "title", "businessCategory", "telephoneNumber", "memberOf",
    ];

    private readonly record struct UserLookup(int Count, SearchResultEntry? Entry, bool IsDisabled);

    private Task<UserLookup> LookupAsync(string login, CancellationToken cancellationToken)
    {
        var value = login?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > _options.MaxLoginLength)
        {
            return Task.FromResult(default(UserLookup));
        }

        var escaped = LdapEscape.EscapeFilterValue(value);
        var alternatives = string.Concat(_options.EffectiveLoginAttributes.Select(a => $"({a}={escaped})"));
        return SearchUsersAsync($"(&{_options.UserObjectFilter}(|{alternatives}))", cancellationToken);
    }

    private Task<UserLookup> SearchUsersAsync(string filter, CancellationToken cancellationToken) =>
        pools.Search.ExecuteAsync(
            c =>
            {
                var timeout = _options.OperationTimeout;
                // Two matches are enough to know the login is ambiguous.
                var request = new SearchRequest(_options.EffectiveUserSearchBase, filter, SearchScope.Subtree, UserAttributes)
                {
                    SizeLimit = 2,
                    TimeLimit = timeout,
                };
                SearchResponse response;
                try
                {
                    response = (SearchResponse)c.Connection.SendRequest(request, timeout);
                }
                catch (DirectoryOperationException ex) when (ex.Response is SearchResponse { ResultCode: ResultCode.SizeLimitExceeded } partial)
                {
                    response = partial;
                }
                catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject)
                {
                    return default;
                }

                if (response.Entries.Count != 1)
                {
                    return new UserLookup(response.Entries.Count, null, false);
                }

                var entry = response.Entries[0];
                return new UserLookup(1, entry, IsDisabled(c, entry.DistinguishedName, timeout));
            },
            cancellationToken);

    // The disabled check runs before any password is tried; a base search keeps the filter the administrator wrote.
    private bool IsDisabled(PooledLdapConnection connection, string dn, TimeSpan timeout)
    {
        if (string.IsNullOrWhiteSpace(_options.DisabledAccountFilter))
        {
            return false;
        }

        var request = new SearchRequest(dn, _options.DisabledAccountFilter, SearchScope.Base, "1.1") { TimeLimit = timeout };
        var response = (SearchResponse)connection.Connection.SendRequest(request, timeout);
        return response.Entries.Count > 0;
    }
}
