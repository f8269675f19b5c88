using System.Security.Claims;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Portal.Search;

/// <summary>Principal strings for documents and users; group names are lower-cased because the directory compares them case-insensitively.</summary>
public static class PortalSearchPrincipals
{
    /// <summary>Members of any of <paramref name="groups"/>, or everyone when the list is empty (the registry's and the wiki's rule).</summary>
    public static IReadOnlyCollection<string> ForGroups(IEnumerable<string> groups) => SearchPrincipals.ForGroups(groups);

    /// <summary>What a signed-in user may see: everyone, their groups and their subject.</summary>
    public static IReadOnlyCollection<string> ForUser(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var principals = new HashSet<string>(StringComparer.Ordinal) { SearchPrincipals.Everyone };
        principals.UnionWith(user.FindAll(PortalClaimTypes.Group).Select(c => Group(c.Value)));
        if (user.FindFirst(PortalClaimTypes.Subject)?.Value is { Length: > 0 } subject)
        {
            principals.Add(SearchPrincipals.User(subject));
        }

        return principals;
    }

    private static string Group(string name) => SearchPrincipals.Group(name.Trim().ToLowerInvariant());
}
