namespace GatewayPortal.Identity.OrgChart;

/// <summary>A department of the org chart (a unit, bureau, division or team) with its place in the tree and its members.</summary>
public sealed class OrgDepartment
{
    private readonly List<OrgDepartment> _children = [];
    private OrgPerson[] _members = [];

    internal OrgDepartment(string code, string name, string? phone)
    {
        Code = code;
        Name = name;
        Phone = phone;
    }

    /// <summary>The stable code (the <c>ou</c> entry's code, or a hash of the path when built from people).</summary>
    public string Code { get; }

    /// <summary>The department's name, e.g. 예산과.</summary>
    public string Name { get; }

    /// <summary>The department's main telephone number, if the directory has one.</summary>
    public string? Phone { get; }

    /// <summary>The parent department, or null at the top of the chart.</summary>
    public OrgDepartment? Parent { get; private set; }

    /// <summary>The depth in the tree: 0 at the top.</summary>
    public int Depth { get; private set; }

    /// <summary>The sub-departments in the directory's order (by name when built from people's paths).</summary>
    public IReadOnlyList<OrgDepartment> Children => _children;

    /// <summary>The department's own members: heads first (by position, then grade), then by name.</summary>
    public IReadOnlyList<OrgPerson> Members => _members;

    /// <summary>The number of people in this department and every sub-department.</summary>
    public int HeadCount { get; private set; }

    /// <summary>The path from the top of the chart down to this department (this one last).</summary>
    public IReadOnlyList<OrgDepartment> Path
    {
        get
        {
            var path = new List<OrgDepartment>(Depth + 1);
            for (var d = this; d is not null; d = d.Parent)
            {
                path.Add(d);
            }

            path.Reverse();
            return path;
        }
    }

    /// <summary>The path's names joined with spaces, e.g. "재무국 예산과 예산총괄팀" (the top level left out when it is a grouping such as 본청).</summary>
    public string FullName => string.Join(' ', Path.Select(d => d.Name));

    internal void SortChildrenByName()
    {
        _children.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var child in _children)
        {
            child.SortChildrenByName();
        }
    }

    internal void AddChild(OrgDepartment child)
    {
        child.Parent = this;
        _children.Add(child);
    }

    internal void SetMembers(OrgPerson[] members) => _members = members;

    // Depth and head counts once the tree is complete; returns the head count.
    internal int Complete(int depth)
    {
        Depth = depth;
        var count = _members.Length;
        foreach (var child in _children)
        {
            count += child.Complete(depth + 1);
        }

        HeadCount = count;
        return count;
    }
}
