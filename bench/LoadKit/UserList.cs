using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.LoadKit;

/// <summary>The people who get a session straight from a password: active, not under the second-factor rule.</summary>
public static class UserList
{
    private const string SecondFactorGroup = "mfa-required";

    /// <summary>
    /// Eligible people in a fixed shuffled order; with <paramref name="requiredGroup"/>, only (nested) members of that group.
    /// </summary>
    public static IReadOnlyList<Person> Build(int users, int seed, string? requiredGroup = null)
    {
        var organization = OrganizationGenerator.Generate(users, seed);
        var secondFactor = MembersOf(organization, CityHall.GroupDn(SecondFactorGroup));
        var required = requiredGroup is null ? null : MembersOf(organization, CityHall.GroupDn(requiredGroup));
        var eligible = organization.People
            .Where(p => !p.IsDisabled && !secondFactor.Contains(p.DistinguishedName) && p.Password == CityHall.GeneratedUserPassword)
            .Where(p => required is null || required.Contains(p.DistinguishedName))
            .ToArray();

        // A fixed shuffle spreads the load over the whole directory, not the first teams in LDIF order.
        new Random(seed).Shuffle(eligible);
        return eligible;
    }

    /// <summary>Every DN reachable from <paramref name="groupDn"/> through nested members (cycle-safe).</summary>
    private static HashSet<string> MembersOf(Organization organization, string groupDn)
    {
        var groups = organization.Groups.ToDictionary(g => g.DistinguishedName, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([groupDn]);
        while (pending.TryPop(out var dn))
        {
            if (!seen.Add(dn) || !groups.TryGetValue(dn, out var group))
            {
                continue;
            }

            foreach (var member in group.Members)
            {
                pending.Push(member);
            }
        }

        return seen;
    }
}
