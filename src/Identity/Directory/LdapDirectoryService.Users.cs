namespace GatewayPortal.Identity.Directory;

internal sealed partial class LdapDirectoryService
{
    private async Task<DirectoryUser> ToUserAsync(UserLookup lookup, CancellationToken cancellationToken)
    {
        var entry = lookup.Entry ?? throw new InvalidOperationException("No entry to read.");
        var groups = await ResolveGroupsAsync(LdapEntries.All(entry, "memberOf"), cancellationToken).ConfigureAwait(false);
        return ToUser(lookup, groups);
    }

    // The person with the given groups; a refused sign-in passes none, so it costs no group searches (timing).
    private static DirectoryUser ToUser(UserLookup lookup, IReadOnlyList<DirectoryGroup> groups)
    {
        var entry = lookup.Entry ?? throw new InvalidOperationException("No entry to read.");
        var subject = LdapEntries.First(entry, "entryUUID")
            ?? throw new InvalidOperationException($"The directory returned no entryUUID for {entry.DistinguishedName}.");
        var username = LdapEntries.First(entry, "uid") ?? entry.DistinguishedName;
        return new DirectoryUser(
            subject,
            entry.DistinguishedName,
            username,
            LdapEntries.First(entry, "displayName") ?? LdapEntries.First(entry, "cn") ?? username,
            LdapEntries.First(entry, "mail"),
            LdapEntries.First(entry, "employeeNumber"),
            LdapEntries.First(entry, "ou"),
            LdapEntries.First(entry, "title"),
            LdapEntries.First(entry, "businessCategory"),
            LdapEntries.First(entry, "telephoneNumber"),
            lookup.IsDisabled,
            groups);
    }

    /// <summary>Direct groups from memberOf, then their memberOf breadth-first, cycle-safe and depth-limited.</summary>
    private async Task<IReadOnlyList<DirectoryGroup>> ResolveGroupsAsync(IReadOnlyList<string> direct, CancellationToken cancellationToken)
    {
        var result = new List<DirectoryGroup>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var level = direct.Where(seen.Add).ToList();
        for (var depth = 0; level.Count > 0; depth++)
        {
            var entries = await groups.GetAsync(level, cancellationToken).ConfigureAwait(false);
            var next = new List<string>();
            foreach (var entry in entries)
            {
                result.Add(new DirectoryGroup(entry.DistinguishedName, entry.Name, entry.Description, IsDirect: depth == 0));
                if (depth < _options.MaxGroupNestingDepth)
                {
                    next.AddRange(entry.MemberOf.Where(seen.Add));
                }
            }

            level = next;
        }

        return result;
    }
}
