using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Identity.Tests.Applications;

/// <summary>The demo accounts' group names as the directory reports them: direct and nested.</summary>
internal static class DemoDirectoryGroups
{
    private static readonly Lazy<Organization> Organization = new(() => OrganizationGenerator.Generate(2000, OrganizationGenerator.DefaultSeed));

    public static IReadOnlyList<Group> All => Organization.Value.Groups;

    public static IReadOnlyCollection<string> Of(DemoAccount account)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var level = new List<string> { account.DistinguishedName };
        while (level.Count > 0)
        {
            var parents = All.Where(g => g.Members.Any(level.Contains) && names.Add(g.Name)).ToList();
            level = [.. parents.Select(g => g.DistinguishedName)];
        }

        return names;
    }
}
