namespace GatewayPortal.Tools.OrgGen;

internal sealed partial class OrganizationBuilder
{
    private const int RoleGroupSize = 40;
    private const int MinRoleGroupSize = 12;

    private static readonly (string Name, string Description, DemoAccount? Demo, string[] Departments)[] RoleGroups =
    [
        ("role-hr", "인사 담당", DemoAccounts.LeeJiyoung, ["인사과", "총무과"]),
        ("role-finance", "재무 담당", DemoAccounts.ChoiYuna, ["재무과", "회계과"]),
        ("role-sysadmin", "시스템 관리자", null, ["정보시스템과", "정보보안과"]),
        ("role-budget", "예산 담당", null, ["예산과", "기획예산과"]),
        ("role-audit", "감사 담당", null, ["감사과", "조사과", "감사담당관"]),
    ];

    private List<Group> BuildGroups(List<Team> teams, List<Person> people)
    {
        var demoUids = DemoAccounts.All.Select(a => a.Uid).ToHashSet(StringComparer.Ordinal);
        var groups = new List<Group>();

        // Groups with only people as members come first: memberOf is set only on entries that already exist.
        var membersByTeam = people.ToLookup(p => p.Team.Code, StringComparer.Ordinal);
        var teamGroups = new List<(Team Team, Group Group)>();
        foreach (var team in teams.Where(t => membersByTeam.Contains(t.Code)))
        {
            var group = new Group(team.GroupName, team.FullName, [.. membersByTeam[team.Code].Select(p => p.DistinguishedName)]);
            teamGroups.Add((team, group));
            groups.Add(group);
        }

        var ordinary = people.Where(p => !demoUids.Contains(p.Uid)).ToList();
        foreach (var (name, description, demo, departments) in RoleGroups)
        {
            groups.Add(new Group(name, description, PickRoleMembers(ordinary, demo, departments)));
        }

        var sysadmins = ordinary.Where(p => p.Team.Department == "정보시스템과" && !p.IsDisabled).Take(3);
        var units = new List<Group>();
        var headquarters = teamGroups.Where(g => g.Team.IsHeadquarters).Select(g => g.Group.DistinguishedName).ToList();
        if (headquarters.Count > 0)
        {
            units.Add(new Group("staff-hq", "본청 전 직원", headquarters));
        }

        foreach (var (district, code) in OrgCatalog.Districts)
        {
            var members = teamGroups.Where(g => g.Team.UnitCode == code).Select(g => g.Group.DistinguishedName).ToList();
            if (members.Count > 0)
            {
                units.Add(new Group("staff-" + code, district + " 전 직원", members));
            }
        }

        groups.AddRange(units);
        groups.Add(new Group("staff-all", "전 직원", [.. units.Select(u => u.DistinguishedName)]));
        groups.Add(new Group("portal-admins", "포털 관리자",
            [DemoAccounts.ParkJihoon.DistinguishedName, .. sysadmins.Select(p => p.DistinguishedName), CityHall.GroupDn("role-sysadmin")]));
        groups.Add(new Group("mfa-required", "2단계 인증 대상", [CityHall.GroupDn("role-finance"), CityHall.GroupDn("role-sysadmin")]));
        return groups;
    }

    private List<string> PickRoleMembers(List<Person> ordinary, DemoAccount? demo, string[] departments)
    {
        var candidates = ordinary.Where(p => !p.IsDisabled && departments.Contains(p.Team.Department)).ToArray();
        _random.Shuffle(candidates);
        var members = candidates.Take(RoleGroupSize).ToList();
        if (members.Count < MinRoleGroupSize)
        {
            var others = ordinary.Where(p => !members.Contains(p)).ToArray();
            _random.Shuffle(others);
            members.AddRange(others.Take(MinRoleGroupSize - members.Count));
        }

        var dns = members.Select(p => p.DistinguishedName).Order(StringComparer.Ordinal).ToList();
        if (demo is not null)
        {
            dns.Insert(0, demo.DistinguishedName);
        }

        return dns;
    }
}
