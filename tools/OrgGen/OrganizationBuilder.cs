using System.Globalization;

namespace GatewayPortal.Tools.OrgGen;

/// <summary>One generation run; every random draw comes from one seeded <see cref="Random"/> in a fixed order.</summary>
internal sealed partial class OrganizationBuilder(int users, int seed)
{
    private const double DisabledRate = 0.005;

    // Large runs get about one team per this many people (50,000 people: ~2,800 teams, ~3,000 ou entries).
    private const int PeoplePerTeam = 18;

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

        AddTeamsForScale(teams);
        return teams;
    }

    // No random draws here, so runs whose catalogue is already large enough (the 2,000-person demo) stay byte-identical.
    private void AddTeamsForScale(List<Team> teams)
    {
        var wanted = users / PeoplePerTeam;
        if (teams.Count >= wanted)
        {
            return;
        }

        var departments = teams.GroupBy(t => t.DepartmentCode, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var counts = teams.GroupBy(t => t.DepartmentCode, StringComparer.Ordinal).Select(g => g.Count()).ToArray();
        for (var i = 0; teams.Count < wanted; i = (i + 1) % departments.Count)
        {
            var first = departments[i];
            var t = counts[i]++;
            var suffix = t < OrgCatalog.TeamSuffixes.Length ? OrgCatalog.TeamSuffixes[t] : Invariant($"{t - OrgCatalog.TeamSuffixes.Length + 1}팀");
            teams.Add(first with { Code = Invariant($"{first.DepartmentCode}-{t + 1}"), Name = OrgCatalog.Stem(first.Department) + suffix });
        }
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
