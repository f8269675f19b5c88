using System.Text.RegularExpressions;

namespace GatewayPortal.Boards.Departments;

/// <summary>How a department maps to its board: key <c>dept-&lt;code&gt;</c>, posters the group <c>dept-&lt;code&gt;</c>.</summary>
public static partial class DepartmentBoards
{
    /// <summary>The board key of a department, or null when the code cannot be a URL segment.</summary>
    public static string? KeyOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalised = code.Trim().ToLowerInvariant();
        return CodePattern().IsMatch(normalised) ? "dept-" + normalised : null;
    }

    /// <summary>The department's directory group (posting right), as OrgGen and the directory name it.</summary>
    public static string GroupOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return "dept-" + code.Trim().ToLowerInvariant();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,58}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
