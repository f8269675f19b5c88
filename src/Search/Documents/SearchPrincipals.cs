namespace GatewayPortal.Search.Documents;

/// <summary>Builds the principal strings used for security trimming.</summary>
public static class SearchPrincipals
{
    /// <summary>Every signed-in member of staff.</summary>
    public const string Everyone = "everyone";

    /// <summary>A directory group, e.g. <c>group:role-hr</c>.</summary>
    public static string Group(string name) => "group:" + name;

    /// <summary>A single user by subject identifier, e.g. <c>user:jdoe</c>.</summary>
    public static string User(string subject) => "user:" + subject;
}
