using System.DirectoryServices.Protocols;

namespace GatewayPortal.Identity.Directory;

internal sealed partial class LdapDirectoryService
{
    private const int PeoplePageSize = 500;

    // Listing every person is a batch job (the staff directory for search): the whole paged search runs on one
    // connection, each page within the operation timeout and the listing within this.
    private static readonly TimeSpan ListingDeadline = TimeSpan.FromMinutes(10);

    private static readonly string[] PersonAttributes =
        ["entryUUID", "uid", "cn", "displayName", "mail", "employeeNumber", "ou", "title", "businessCategory", "telephoneNumber"];

    public Task<IReadOnlyList<DirectoryPerson>> ListPeopleAsync(CancellationToken cancellationToken = default)
    {
        // Disabled people stay out: the directory applies the administrator's filter itself.
        var filter = _disabledFilter.Filter is { } disabled
            ? "(&" + _options.UserObjectFilter + "(!" + disabled + "))"
            : _options.UserObjectFilter;
        return pools.Search.ExecuteAsync<IReadOnlyList<DirectoryPerson>>(
            c =>
            {
                var people = new List<DirectoryPerson>();
                var paging = new PageResultRequestControl(PeoplePageSize);
                var request = new SearchRequest(_options.EffectiveUserSearchBase, filter, SearchScope.Subtree, PersonAttributes)
                {
                    TimeLimit = _options.OperationTimeout,
                };
                request.Controls.Add(paging);
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var response = (SearchResponse)c.Connection.SendRequest(request, _options.OperationTimeout);
                    foreach (SearchResultEntry entry in response.Entries)
                    {
                        if (ToPerson(entry) is { } person)
                        {
                            people.Add(person);
                        }
                    }

                    var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
                    if (cookie is not { Length: > 0 })
                    {
                        return people;
                    }

                    paging.Cookie = cookie;
                }
            },
            cancellationToken,
            ListingDeadline);
    }

    private static DirectoryPerson? ToPerson(SearchResultEntry entry)
    {
        if (LdapEntries.First(entry, "entryUUID") is not { } subject)
        {
            return null;
        }

        var username = LdapEntries.First(entry, "uid") ?? entry.DistinguishedName;
        return new DirectoryPerson(
            subject,
            username,
            LdapEntries.First(entry, "displayName") ?? LdapEntries.First(entry, "cn") ?? username,
            LdapEntries.First(entry, "mail"),
            LdapEntries.First(entry, "employeeNumber"),
            LdapEntries.First(entry, "ou"),
            LdapEntries.First(entry, "title"),
            LdapEntries.First(entry, "businessCategory"),
            LdapEntries.First(entry, "telephoneNumber"));
    }
}
