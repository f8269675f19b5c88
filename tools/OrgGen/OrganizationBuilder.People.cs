using System.Globalization;

namespace GatewayPortal.Tools.OrgGen;

internal sealed partial class OrganizationBuilder
{
    private static readonly (DemoAccount Account, string Unit, string Department)[] DemoPlacements =
    [
        (DemoAccounts.KimMinsu, "행정국", "총무과"),
        (DemoAccounts.LeeJiyoung, "행정국", "인사과"),
        (DemoAccounts.ParkJihoon, "디지털정책국", "정보시스템과"),
        (DemoAccounts.ChoiYuna, "재무국", "재무과"),
        (DemoAccounts.HanSeojun, "종로구", "총무과"),
        (DemoAccounts.JungDisabled, "행정국", "민원과"),
    ];

    private sealed record Draft(
        string Uid, string Surname, string GivenName, string EmployeeNumber, string Phone, Team Team, string EmployeeType, string Password, bool IsDemo);

    private List<Draft> BuildDrafts(List<Team> teams)
    {
        var drafts = new List<Draft>(users);
        foreach (var (account, unit, department) in DemoPlacements)
        {
            var team = teams.First(t => t.Unit == unit && t.Department == department);
            _uids.Add(account.Uid);
            _employeeNumbers.Add(account.EmployeeNumber);
            var employeeType = account.IsDisabled ? EmployeeTypes.Retired : EmployeeTypes.Active;
            drafts.Add(new Draft(account.Uid, account.DisplayName[..1], account.DisplayName[1..], account.EmployeeNumber, NextPhone(team), team, employeeType, account.Password, true));
        }

        for (var i = 0; drafts.Count < users; i++)
        {
            // Every team gets a first member before any gets a second.
            var team = i < teams.Count ? teams[i] : teams[_random.Next(teams.Count)];
            var (surname, givenName, stem) = KoreanNames.Next(_random);
            var employeeType = _random.NextDouble() < DisabledRate
                ? (_random.Next(2) == 0 ? EmployeeTypes.OnLeave : EmployeeTypes.Retired)
                : EmployeeTypes.Active;
            drafts.Add(new Draft(UniqueUid(stem), surname, givenName, NextEmployeeNumber(), NextPhone(team), team, employeeType, CityHall.GeneratedUserPassword, false));
        }

        return drafts;
    }

    private List<Person> AssignPositions(List<Draft> drafts)
    {
        var titles = new Dictionary<Draft, (string Title, string Grade)>(ReferenceEqualityComparer.Instance);
        var byTeam = drafts.ToLookup(d => d.Team.Code, StringComparer.Ordinal);
        var firstTeamOfDepartment = new HashSet<string>(StringComparer.Ordinal);
        var firstTeamOfUnit = new HashSet<string>(StringComparer.Ordinal);
        foreach (var members in byTeam.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var team = members.First().Team;
            var candidates = new Queue<Draft>(members.Where(d => !d.IsDemo && d.EmployeeType == EmployeeTypes.Active));
            if (candidates.TryDequeue(out var leader))
            {
                titles[leader] = ("팀장", OrgCatalog.TeamLeaderGrade);
            }

            if (firstTeamOfDepartment.Add(team.Unit + "/" + team.Department) && candidates.TryDequeue(out var head))
            {
                titles[head] = (team.Department.EndsWith("담당관", StringComparison.Ordinal) ? "담당관" : "과장", OrgCatalog.DepartmentHeadGrade);
            }

            if (team.IsHeadquarters && firstTeamOfUnit.Add(team.Unit) && candidates.TryDequeue(out var director))
            {
                titles[director] = (OrgCatalog.DivisionHeadTitle(team.Unit), OrgCatalog.DivisionHeadGrade);
            }
        }

        var people = new List<Person>(drafts.Count);
        var salt = new byte[8];
        foreach (var draft in drafts)
        {
            var (title, grade) = titles.TryGetValue(draft, out var position) ? position : ("주무관", NextStaffGrade());
            _random.NextBytes(salt);
            people.Add(new Person(
                draft.Uid, draft.Surname, draft.GivenName, draft.EmployeeNumber, draft.Phone, title, grade, draft.Team,
                draft.EmployeeType, draft.Password, SshaPassword.Hash(draft.Password, salt)));
        }

        return people;
    }

    private string UniqueUid(string stem)
    {
        if (_uids.Add(stem))
        {
            return stem;
        }

        var next = _uidSuffixes.GetValueOrDefault(stem, 2);
        string uid;
        do
        {
            uid = stem + next.ToString(CultureInfo.InvariantCulture);
            next++;
        }
        while (!_uids.Add(uid));
        _uidSuffixes[stem] = next;
        return uid;
    }

    private string NextEmployeeNumber()
    {
        while (true)
        {
            var year = 1990 + _random.Next(36);
            var number = (year * 10000 + _random.Next(10000)).ToString(CultureInfo.InvariantCulture);
            if (_employeeNumbers.Add(number))
            {
                return number;
            }
        }
    }

    private string NextPhone(Team team)
    {
        var exchange = team.IsHeadquarters ? 2133 : 2150 + Array.FindIndex(OrgCatalog.Districts, d => d.Code == team.UnitCode);
        return Invariant($"02-{exchange}-{_random.Next(10000):0000}");
    }

    private string NextStaffGrade()
    {
        var pick = _random.Next(OrgCatalog.StaffGrades.Sum(g => g.Weight));
        foreach (var (grade, weight) in OrgCatalog.StaffGrades)
        {
            if (pick < weight)
            {
                return grade;
            }

            pick -= weight;
        }

        return OrgCatalog.StaffGrades[0].Grade;
    }
}
