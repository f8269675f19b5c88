using System.Globalization;

namespace GatewayPortal.Tools.OrgGen;

/// <summary>Builds the <c>ou</c> tree (본청 → 실·국·본부 → 과 → 팀; 자치구 → 구 → 과 → 팀) from the teams, parents first, in catalogue order.</summary>
internal static class OrgTree
{
    public const string HeadquartersCode = "hq";
    public const string DistrictsCode = "districts";

    public static IReadOnlyList<OrgUnit> Build(IReadOnlyList<Team> teams)
    {
        var units = new List<OrgUnit>();
        var byCode = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        var phones = 0;

        OrgUnit Add(string code, string name, OrgUnit? parent, string? phone = null)
        {
            if (byCode.TryGetValue(code, out var existing))
            {
                return existing;
            }

            var dn = "ou=" + code + "," + (parent?.DistinguishedName ?? CityHall.OrganizationDn);
            var unit = new OrgUnit(code, name, parent?.Code, dn, phone);
            byCode.Add(code, unit);
            units.Add(unit);
            return unit;
        }

        var headquarters = Add(HeadquartersCode, "본청", null);
        var districts = Add(DistrictsCode, "자치구", null);
        foreach (var team in teams)
        {
            var top = team.IsHeadquarters ? headquarters : districts;
            var departmentCode = team.DepartmentCode;
            var unitCode = team.IsHeadquarters ? departmentCode[..departmentCode.LastIndexOf('-')] : team.UnitCode;
            var unit = Add(unitCode, team.Unit, top);
            var exchange = team.IsHeadquarters ? 2133 : 2150 + Array.FindIndex(OrgCatalog.Districts, d => d.Code == team.UnitCode);
            var department = byCode.TryGetValue(departmentCode, out var known) ? known : Add(departmentCode, team.Department, unit, Phone(exchange, ++phones));
            Add(team.Code, team.Name, department, Phone(exchange, ++phones));
        }

        return units;
    }

    private static string Phone(int exchange, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"02-{exchange}-{1000 + sequence % 9000:0000}");
}
