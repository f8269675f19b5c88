namespace GatewayPortal.Identity.OrgChart;

/// <summary>
/// One immutable reading of the org chart: departments by code with their tree, members and head counts, and people by
/// login name and subject. Lookups are dictionary reads; nothing here scans every person except <see cref="Search"/>.
/// </summary>
public sealed class OrgChartSnapshot
{
    private readonly Dictionary<string, OrgDepartment> _departments;
    private readonly Dictionary<string, OrgPerson> _peopleByUsername;
    private readonly Dictionary<string, OrgPerson> _peopleBySubject;
    private readonly OrgPerson[] _people;

    internal OrgChartSnapshot(
        IReadOnlyList<OrgDepartment> roots, Dictionary<string, OrgDepartment> departments, OrgPerson[] people, OrgChartSource source, DateTimeOffset loadedAt)
    {
        Roots = roots;
        _departments = departments;
        _people = people;
        _peopleByUsername = new Dictionary<string, OrgPerson>(people.Length, StringComparer.OrdinalIgnoreCase);
        _peopleBySubject = new Dictionary<string, OrgPerson>(people.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var person in people)
        {
            _peopleByUsername.TryAdd(person.Username, person);
            _peopleBySubject.TryAdd(person.SubjectId, person);
        }

        Source = source;
        LoadedAt = loadedAt;
        Departments = [.. Flatten(roots).Select(d => new OrgDepartmentInfo(d.Code, d.Name, d.Parent?.Code, d.FullName))];
    }

    /// <summary>The top of the chart (e.g. 본청 and 자치구), in the directory's order.</summary>
    public IReadOnlyList<OrgDepartment> Roots { get; }

    /// <summary>Every department, parents before children (for other features, e.g. one board per department).</summary>
    public IReadOnlyList<OrgDepartmentInfo> Departments { get; }

    /// <summary>How many people the chart holds.</summary>
    public int PeopleCount => _people.Length;

    /// <summary>How many departments the chart holds.</summary>
    public int DepartmentCount => _departments.Count;

    /// <summary>Whether the departments came from the directory's ou tree or from the people's ou paths.</summary>
    public OrgChartSource Source { get; }

    /// <summary>When the snapshot was read.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>The department with this code, or null.</summary>
    public OrgDepartment? FindDepartment(string code) =>
        code is not null && _departments.TryGetValue(code, out var department) ? department : null;

    /// <summary>The person with this login name (case-insensitive), or null.</summary>
    public OrgPerson? FindPerson(string username) =>
        username is not null && _peopleByUsername.TryGetValue(username, out var person) ? person : null;

    /// <summary>The person with this subject id (<c>entryUUID</c>), or null.</summary>
    public OrgPerson? FindPersonBySubject(string subjectId) =>
        subjectId is not null && _peopleBySubject.TryGetValue(subjectId, out var person) ? person : null;

    /// <summary>
    /// Departments whose name and people whose name or login contains <paramref name="query"/> (case-insensitive),
    /// at most <paramref name="maxResults"/> of each.
    /// </summary>
    public OrgSearchResult Search(string query, int maxResults)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        var term = query.Trim();
        if (term.Length == 0)
        {
            return new OrgSearchResult([], [], false, false);
        }

        var departments = new List<OrgDepartment>(maxResults);
        var moreDepartments = false;
        foreach (var department in Flatten(Roots))
        {
            if (department.Name.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                if (departments.Count == maxResults)
                {
                    moreDepartments = true;
                    break;
                }

                departments.Add(department);
            }
        }

        var people = new List<OrgPerson>(maxResults);
        var morePeople = false;
        foreach (var person in _people)
        {
            if (person.DisplayName.Contains(term, StringComparison.OrdinalIgnoreCase) || person.Username.StartsWith(term, StringComparison.OrdinalIgnoreCase))
            {
                if (people.Count == maxResults)
                {
                    morePeople = true;
                    break;
                }

                people.Add(person);
            }
        }

        return new OrgSearchResult(departments, people, moreDepartments, morePeople);
    }

    private static IEnumerable<OrgDepartment> Flatten(IEnumerable<OrgDepartment> departments)
    {
        foreach (var department in departments)
        {
            yield return department;
            foreach (var child in Flatten(department.Children))
            {
                yield return child;
            }
        }
    }
}
