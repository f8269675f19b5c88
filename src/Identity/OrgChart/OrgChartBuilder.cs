using System.Security.Cryptography;
using System.Text;

namespace GatewayPortal.Identity.OrgChart;

/// <summary>Builds an <see cref="OrgChartSnapshot"/> from the entries read: from the ou tree, or from the people's ou paths when there is none.</summary>
internal static class OrgChartBuilder
{
    /// <summary>
    /// Builds the chart. With <paramref name="units"/>, people join the department whose code equals their department
    /// attribute; without, departments are made from each person's ou path ("재무국 예산과 예산총괄팀").
    /// </summary>
    public static OrgChartSnapshot Build(IReadOnlyList<OrgUnitEntry> units, IReadOnlyList<OrgPerson> people, DateTimeOffset loadedAt)
    {
        var departments = new Dictionary<string, OrgDepartment>(StringComparer.OrdinalIgnoreCase);
        var roots = new List<OrgDepartment>();
        OrgPerson[] placed;
        OrgChartSource source;
        if (units.Count > 0)
        {
            source = OrgChartSource.OuTree;
            BuildFromTree(units, departments, roots);
            placed = [.. people.Select(p => p.DepartmentCode is { } code && departments.TryGetValue(code, out var d)
                ? (d.Code == code ? p : p with { DepartmentCode = d.Code })
                : p with { DepartmentCode = null })];
        }
        else
        {
            source = OrgChartSource.PeoplePaths;
            placed = [.. people.Select(p => p with { DepartmentCode = PlaceByPath(p.DepartmentPath, departments, roots) })];
        }

        foreach (var group in placed.Where(p => p.DepartmentCode is not null).GroupBy(p => p.DepartmentCode!, StringComparer.OrdinalIgnoreCase))
        {
            var members = group.ToArray();
            Array.Sort(members, OrgMemberOrder.Instance);
            departments[group.Key].SetMembers(members);
        }

        if (source == OrgChartSource.PeoplePaths)
        {
            // People come in no particular order: departments known only by path are listed by name.
            roots.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            roots.ForEach(r => r.SortChildrenByName());
        }

        foreach (var root in roots)
        {
            root.Complete(0);
        }

        return new OrgChartSnapshot(roots, departments, placed, source, loadedAt);
    }

    private static void BuildFromTree(IReadOnlyList<OrgUnitEntry> units, Dictionary<string, OrgDepartment> departments, List<OrgDepartment> roots)
    {
        var byDn = new Dictionary<string, OrgDepartment>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<OrgUnitEntry>(units.Count);
        foreach (var unit in units)
        {
            // A code seen twice keeps its first entry: a code must name one department.
            if (!departments.ContainsKey(unit.Code) && !byDn.ContainsKey(unit.DistinguishedName))
            {
                var department = new OrgDepartment(unit.Code, unit.Name, unit.Phone);
                departments.Add(unit.Code, department);
                byDn.Add(unit.DistinguishedName, department);
                kept.Add(unit);
            }
        }

        foreach (var unit in kept)
        {
            var department = byDn[unit.DistinguishedName];
            if (byDn.TryGetValue(unit.ParentDistinguishedName, out var parent))
            {
                parent.AddChild(department);
            }
            else
            {
                roots.Add(department);
            }
        }
    }

    private static string? PlaceByPath(string? path, Dictionary<string, OrgDepartment> departments, List<OrgDepartment> roots)
    {
        var names = path?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        OrgDepartment? parent = null;
        var prefix = new StringBuilder();
        foreach (var name in names)
        {
            prefix.Append(name).Append('\n');
            var code = PathCode(prefix.ToString());
            if (!departments.TryGetValue(code, out var department))
            {
                department = new OrgDepartment(code, name, phone: null);
                departments.Add(code, department);
                if (parent is null)
                {
                    roots.Add(department);
                }
                else
                {
                    parent.AddChild(department);
                }
            }

            parent = department;
        }

        return parent?.Code;
    }

    // A stable code for a department known only by its path: the same path gives the same code on every load.
    internal static string PathCode(string path) =>
        "p-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];
}
