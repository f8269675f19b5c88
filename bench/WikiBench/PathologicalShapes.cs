using System.Globalization;
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

    /// <summary>
    /// A long realistic manual of <paramref name="sections"/> sections: text, wiki and web links, bold, a task list, 20 lines of C in a
    /// fence, a 25-row table with inline HTML and wiki links, and a <c>[TOC]</c> (about 2.9 KB a section).
    /// </summary>
    public static string Manual(int sections)
    {
        var builder = new StringBuilder("[TOC]\n\n");
        for (var section = 0; section < sections; section++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"## {section}장 업무 안내\n\n민원 신청서를 제출합니다. 담당 부서는 [[정보통신과]]이며 [예산](https://example.org/budget/{section}) 집행 계획은 **결재** 후 _공람_ 합니다.\n\n");
            builder.Append("- [x] 결재\n- [ ] 공람\n  - 하위 항목 `code`\n- *주의: 별표 하나\n\n```c\n");
            for (var line = 0; line < 20; line++)
            {
                builder.Append(CultureInfo.InvariantCulture, $"int *p{line} = a[i](b) + _x[{line}]; /* [a]( <!-- x --> */\n");
            }

            builder.Append("```\n\n| 항목 | 담당 | 금액 | 비고 |\n|---|---|--:|---|\n");
            for (var row = 0; row < 25; row++)
            {
                builder.Append(CultureInfo.InvariantCulture, $"| 항목 {row} | 총무과 | {row * 1000} | <b>확인</b> [[문서 {row}]] |\n");
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A table of <paramref name="rows"/> rows and ten columns of Korean text.</summary>
    public static string Table(int rows)
    {
        var builder = new StringBuilder("| 번호 | 부서 | 담당 | 전화 | 위치 | 업무 | 시작 | 종료 | 금액 | 비고 |\n|---|---|---|---|---|---|---|---|--:|---|\n");
        for (var row = 0; row < rows; row++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"| {row} | 총무과 | 김민지 | 02-123-{row % 10000:D4} | 본관 3층 | 민원 접수 | 2026-01-01 | 2026-12-31 | {row * 10} | **확인** |\n");
        }

        return builder.ToString();
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
}
