using System.DirectoryServices.Protocols;
using System.Text;
using GatewayPortal.Identity.SignIn;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Directory;

internal sealed partial class LdapDirectoryService
{
    private static readonly string[] UserAttributes =
    [
        "entryUUID", "uid", "cn", "displayName", "mail", "employeeNumber", "ou", "title", "businessCategory", "telephoneNumber", "memberOf",
    ];

    // Parsed once; when it is evaluated locally, the user search also reads the attributes it names.
    private readonly DisabledAccountFilter _disabledFilter = CreateDisabledFilter(options.Value, logger);

    // The login filter is "(&" + UserObjectFilter + "(|" + "(attr=" + value + ")" per attribute + "))".
    private readonly string _loginFilterPrefix = "(&" + options.Value.UserObjectFilter + "(|";
    private readonly string[] _loginAttributes = [.. options.Value.EffectiveLoginAttributes];

    private readonly record struct UserLookup(int Count, SearchResultEntry? Entry, bool IsDisabled);

    private Task<UserLookup> LookupAsync(string login, CancellationToken cancellationToken)
    {
        // The filter gets the canonical spelling only (a no-op for the sign-in service, which already passes it).
        if (!LoginName.TryNormalize(login, _options.MaxLoginLength, out var value))
        {
            return Task.FromResult(default(UserLookup));
        }

        return SearchUsersAsync(BuildLoginFilter(LdapEscape.EscapeFilterValue(value)), cancellationToken);
    }

    private string BuildLoginFilter(string escaped)
    {
        var length = _loginFilterPrefix.Length + 2;
        foreach (var attribute in _loginAttributes)
        {
            length += attribute.Length + escaped.Length + 3;
        }

        var builder = new StringBuilder(length).Append(_loginFilterPrefix);
        foreach (var attribute in _loginAttributes)
        {
            builder.Append('(').Append(attribute).Append('=').Append(escaped).Append(')');
        }

        return builder.Append("))").ToString();
    }

    private Task<UserLookup> SearchUsersAsync(string filter, CancellationToken cancellationToken) =>
        pools.Search.ExecuteAsync(
            c =>
            {
                var timeout = _options.OperationTimeout;
                // Two matches are enough to know the login is ambiguous.
                var request = new SearchRequest(_options.EffectiveUserSearchBase, filter, SearchScope.Subtree, _disabledFilter.SearchAttributes)
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
                return new UserLookup(1, entry, IsDisabled(c, entry, timeout));
            },
            cancellationToken);

    // The disabled check runs before any password is tried: on the entry just read when the filter allows it,
    // otherwise as a base search, which keeps the filter the administrator wrote.
    private bool IsDisabled(PooledLdapConnection connection, SearchResultEntry entry, TimeSpan timeout)
    {
        if (_disabledFilter.Filter is not { } filter)
        {
            return false;
        }

        if (_disabledFilter.TryEvaluate(entry, out var disabled))
        {
            return disabled;
        }

        var request = new SearchRequest(entry.DistinguishedName, filter, SearchScope.Base, "1.1") { TimeLimit = timeout };
        var response = (SearchResponse)connection.Connection.SendRequest(request, timeout);
        return response.Entries.Count > 0;
    }

    private static DisabledAccountFilter CreateDisabledFilter(LdapOptions options, ILogger logger)
    {
        var filter = new DisabledAccountFilter(options, UserAttributes);
        if (filter.Filter is null)
        {
            logger.LogInformation("No disabled-account filter is configured: every person may sign in");
        }
        else if (filter.Local is not null)
        {
            logger.LogInformation("The disabled-account filter {Filter} is evaluated on the person's entry (attributes {Attributes})",
                filter.Filter, string.Join(", ", filter.Local.Attributes));
        }
        else
        {
            logger.LogInformation("The disabled-account filter {Filter} is evaluated by the directory (one base search per lookup)", filter.Filter);
        }

        return filter;
    }
}
