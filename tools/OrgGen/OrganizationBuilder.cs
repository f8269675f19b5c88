using System.Globalization;

namespace GatewayPortal.Tools.OrgGen;

/// <summary>One generation run; every random draw comes from one seeded <see cref="Random"/> in a fixed order.</summary>
internal sealed partial class OrganizationBuilder(int users, int seed)
{
    private const double DisabledRate = 0.005;

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _uids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _employeeNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _uidSuffixes = new(StringComparer.Ordinal);

    public Organization Build()
    {
        var teams = BuildTeams();
        var drafts = BuildDrafts(teams);
        var people = AssignPositions(drafts);
        var groups = BuildGroups(teams, people);
        return new Organization(seed, teams, people, groups);
    }

    private List<Team> BuildTeams()
    {
        var teams = new List<Team>();
        for (var d = 0; d < OrgCatalog.Divisions.Length; d++)
        {
            var (division, departments) = OrgCatalog.Divisions[d];
            for (var p = 0; p < departments.Length; p++)
            {
                var count = 2 + _random.Next(3);
                for (var t = 0; t < count; t++)
                {
                    var code = Invariant($"hq-{d + 1:00}-{p + 1:00}-{t + 1}");
                    teams.Add(new Team(code, division, departments[p], OrgCatalog.Stem(departments[p]) + OrgCatalog.TeamSuffixes[t], "hq", true));
                }
            }
        }

        foreach (var (district, districtCode) in OrgCatalog.Districts)
        {
            // 총무과 always exists; 5–7 others are drawn and kept in catalog order.
            var others = Enumerable.Range(1, OrgCatalog.DistrictDepartments.Length - 1).ToArray();
            _random.Shuffle(others);
            int[] chosen = [0, .. others.Take(5 + _random.Next(3)).Order()];
            for (var p = 0; p < chosen.Length; p++)
            {
                var department = OrgCatalog.DistrictDepartments[chosen[p]];
                var count = 1 + _random.Next(3);
                for (var t = 0; t < count; t++)
                {
                    var code = Invariant($"{districtCode}-{p + 1:00}-{t + 1}");
                    teams.Add(new Team(code, district, department, OrgCatalog.Stem(department) + OrgCatalog.TeamSuffixes[t], districtCode, false));
                }
            }
        }

        return teams;
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
