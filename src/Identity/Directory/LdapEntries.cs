using System.DirectoryServices.Protocols;

namespace GatewayPortal.Identity.Directory;

/// <summary>Reads string values from search results (UTF-8 decoded by S.DS.P).</summary>
internal static class LdapEntries
{
    public static string? First(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute) && entry.Attributes[attribute].Count > 0
            ? entry.Attributes[attribute].GetValues(typeof(string)).Cast<string>().FirstOrDefault()
            : null;

    public static IReadOnlyList<string> All(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute)
            ? [.. entry.Attributes[attribute].GetValues(typeof(string)).Cast<string>()]
            : [];
}
