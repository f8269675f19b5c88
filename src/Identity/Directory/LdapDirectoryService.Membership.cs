using System.DirectoryServices.Protocols;

namespace GatewayPortal.Identity.Directory;

internal sealed partial class LdapDirectoryService : IDirectoryMembershipSource
{
    private static readonly string[] MembershipPersonAttributes = ["entryUUID", "memberOf"];
    private static readonly string[] MembershipGroupAttributes = ["cn", "memberOf"];

    public async Task<DirectoryMembership> ReadMembershipAsync(CancellationToken cancellationToken = default)
    {
        // Disabled people stay out, as in the staff directory: a counter for them is refused like one for a stranger.
        var peopleFilter = _disabledFilter.Filter is { } disabled
            ? "(&" + _options.UserObjectFilter + "(!" + disabled + "))"
            : _options.UserObjectFilter;
        var people = new List<KeyValuePair<string, string[]>>();
        await PagedSearchAsync(_options.EffectiveUserSearchBase, peopleFilter, MembershipPersonAttributes, entry =>
        {
            if (LdapEntries.First(entry, "entryUUID") is { } subject)
            {
                people.Add(new(subject, [.. LdapEntries.All(entry, "memberOf")]));
            }
        }, cancellationToken).ConfigureAwait(false);

        var groups = new List<(string, string, string[])>();
        await PagedSearchAsync(_options.EffectiveGroupSearchBase, "(objectClass=groupOfNames)", MembershipGroupAttributes, entry =>
            groups.Add((entry.DistinguishedName, LdapEntries.First(entry, "cn") ?? entry.DistinguishedName, [.. LdapEntries.All(entry, "memberOf")])),
            cancellationToken).ConfigureAwait(false);
        return new DirectoryMembership(people, groups, _options.MaxGroupNestingDepth);
    }

    private Task<bool> PagedSearchAsync(string searchBase, string filter, string[] attributes, Action<SearchResultEntry> read, CancellationToken cancellationToken) =>
        pools.Search.ExecuteAsync(
            c =>
            {
                var paging = new PageResultRequestControl(PeoplePageSize);
                var request = new SearchRequest(searchBase, filter, SearchScope.Subtree, attributes) { TimeLimit = _options.OperationTimeout };
                request.Controls.Add(paging);
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var response = (SearchResponse)c.Connection.SendRequest(request, _options.OperationTimeout);
                    foreach (SearchResultEntry entry in response.Entries)
                    {
                        read(entry);
                    }

                    var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
                    if (cookie is not { Length: > 0 })
                    {
                        return true;
                    }

                    paging.Cookie = cookie;
                }
            },
            cancellationToken,
            ListingDeadline);
}
