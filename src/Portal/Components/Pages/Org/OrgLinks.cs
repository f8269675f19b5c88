using System.Text.RegularExpressions;

namespace GatewayPortal.Portal.Components.Pages.Org;

/// <summary>Addresses of the org chart's pages, and the shape of a department code in an address.</summary>
public static partial class OrgLinks
{
    /// <summary>The longest department code accepted in an address.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>The org chart.</summary>
    public const string Chart = "/org";

    /// <summary>A department's page.</summary>
    public static string Department(string code) => "/org/" + Uri.EscapeDataString(code);

    /// <summary>The chart opened down to a department.</summary>
    public static string ChartAt(string code) => "/org?open=" + Uri.EscapeDataString(code) + "#d-" + Uri.EscapeDataString(code);

    /// <summary>A person's card.</summary>
    public static string Person(string username) => "/people/" + Uri.EscapeDataString(username);

    /// <summary>True when <paramref name="code"/> has the shape of a department code (letters, digits, <c>-_.</c>).</summary>
    public static bool IsWellFormedCode(string? code) => code is { Length: > 0 and <= MaxCodeLength } && CodeShape().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodeShape();
}
