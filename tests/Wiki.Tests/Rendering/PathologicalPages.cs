using System.Text;
using GatewayPortal.Bench.WikiBench;

namespace GatewayPortal.Wiki.Tests.Rendering;

/// <summary>The crafted page shapes of issue #13, each under the 2 MiB page limit.</summary>
internal static class PathologicalPages
{
    public static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>A long realistic manual: 700 sections, each with text, links, a list, 20 lines of C and a 25-row table (about 2 MB),
    /// the same page WikiBench times.</summary>
    public static string LongManual() => PathologicalShapes.Manual(700);
}
