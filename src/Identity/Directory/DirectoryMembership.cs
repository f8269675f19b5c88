namespace GatewayPortal.Identity.Directory;

/// <summary>
/// Who is in the directory and in which groups, read whole with paged searches: enabled people (subject id and direct
/// groups) and every group (its common name and the groups it is nested in). Answers "may this subject use an
/// application open to these groups" for thousands of subjects without a directory round trip each.
/// </summary>
public sealed class DirectoryMembership
{
    private readonly Dictionary<string, string[]> _people;
    private readonly Dictionary<string, (string Name, string[] MemberOf)> _groups;
    private readonly int _maxDepth;

    /// <summary>Builds the index.</summary>
    /// <param name="people">Each enabled person's subject id and the DNs of their direct groups.</param>
    /// <param name="groups">Each group's DN, common name and the DNs of the groups it is a member of.</param>
    /// <param name="maxDepth">How deep nested groups are followed (as at sign-in).</param>
    public DirectoryMembership(
        IEnumerable<KeyValuePair<string, string[]>> people,
        IEnumerable<(string Dn, string Name, string[] MemberOf)> groups,
        int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(groups);
        _people = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (subject, direct) in people)
        {
            _people[subject] = direct;
        }

        _groups = new Dictionary<string, (string, string[])>(StringComparer.OrdinalIgnoreCase);
        foreach (var (dn, name, memberOf) in groups)
        {
            _groups[dn] = (name, memberOf);
        }

        _maxDepth = maxDepth;
    }

    /// <summary>How many enabled people the index holds.</summary>
    public int PeopleCount => _people.Count;

    /// <summary>Whether an enabled person has this subject id.</summary>
    public bool Exists(string subjectId) => _people.ContainsKey(subjectId);

    /// <summary>
    /// A test for "this subject is an enabled person in one of <paramref name="allowedGroups"/> (common names, directly
    /// or through nested groups)"; no groups means every enabled person. Build it once per request and call it per subject.
    /// </summary>
    public Func<string, bool> AllowedIn(IReadOnlyCollection<string> allowedGroups)
    {
        ArgumentNullException.ThrowIfNull(allowedGroups);
        if (allowedGroups.Count == 0)
        {
            return Exists;
        }

        var allowed = new HashSet<string>(allowedGroups, StringComparer.OrdinalIgnoreCase);
        var within = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        return subject => _people.TryGetValue(subject, out var direct) && direct.Any(dn => IsWithin(dn, allowed, within));
    }

    // A group is within the allowed set when it, or a group it is nested in (breadth-first, cycle-safe, depth-limited),
    // has an allowed name. Answers are memoised per request.
    private bool IsWithin(string dn, HashSet<string> allowed, Dictionary<string, bool> memo)
    {
        if (memo.TryGetValue(dn, out var known))
        {
            return known;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { dn };
        var level = new List<string> { dn };
        var result = false;
        for (var depth = 0; level.Count > 0 && !result; depth++)
        {
            var next = new List<string>();
            foreach (var group in level)
            {
                if (!_groups.TryGetValue(group, out var entry))
                {
                    continue;
                }

                if (allowed.Contains(entry.Name))
                {
                    result = true;
                    break;
                }

                if (depth < _maxDepth)
                {
                    next.AddRange(entry.MemberOf.Where(seen.Add));
                }
            }

            level = next;
        }

        memo[dn] = result;
        return result;
    }
}
