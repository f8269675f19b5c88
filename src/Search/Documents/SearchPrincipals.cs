namespace GatewayPortal.Search.Documents;

/// <summary>Builds the principal strings used for security trimming.</summary>
public static class SearchPrincipals
{
    /// <summary>Every signed-in member of staff.</summary>
    public const string Everyone = "everyone";

    /// <summary>A directory group, e.g. <c>group:role-hr</c>.</summary>
    public static string Group(string name) => "group:" + name;

    /// <summary>
    /// Members of any of <paramref name="groups"/>, or everyone when the list is empty; group names are lower-cased
    /// because the directory compares them case-insensitively.
    /// </summary>
    public static IReadOnlyCollection<string> ForGroups(IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        string[] principals = [.. groups.Select(g => Group(g.Trim().ToLowerInvariant())).Distinct(StringComparer.Ordinal)];
        return principals.Length == 0 ? [Everyone] : principals;
    }

    /// <summary>A single user by subject identifier, e.g. <c>user:jdoe</c>.</summary>
    public static string User(string subject) => "user:" + subject;
}
