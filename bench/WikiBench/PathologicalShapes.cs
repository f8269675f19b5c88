using System.Text;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>The worst input shapes found by outside testing (issue #13), each at a size under the 2 MiB page limit.</summary>
public static class PathologicalShapes
{
    /// <summary><c>[a](</c> repeated: every opener starts a link-destination scan to the end of the paragraph.</summary>
    public static string UnclosedLinks(int count) => Repeat("[a](", count);

    /// <summary><c>&lt;b&gt;</c> repeated on one line: open inline tags the sanitiser nests ever deeper.</summary>
    public static string OpenTags(int count) => Repeat("<b>", count);

    /// <summary>The same heading line repeated: every heading needs a distinct anchor.</summary>
    public static string SameHeadings(int count) => Repeat("## same\n", count);

    /// <summary><c>&lt;div&gt;</c> nested <paramref name="count"/> deep.</summary>
    public static string NestedDivs(int count) => Repeat("<div>", count) + Repeat("</div>", count);

    /// <summary>Two texts of <paramref name="lines"/> distinct lines sharing none: the worst case of a line diff.</summary>
    public static (string Old, string New) DisjointLines(int lines) =>
        (string.Join('\n', Enumerable.Range(0, lines).Select(i => "a" + i)), string.Join('\n', Enumerable.Range(0, lines).Select(i => "b" + i)));

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
}
