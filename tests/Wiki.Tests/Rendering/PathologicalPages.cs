using System.Globalization;
using System.Text;

namespace GatewayPortal.Wiki.Tests.Rendering;

/// <summary>The crafted page shapes of issue #13, each under the 2 MiB page limit.</summary>
internal static class PathologicalPages
{
    public static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>A long realistic manual: 700 sections, each with text, links, a list, 20 lines of C and a 25-row table (about 2 MB).</summary>
    public static string LongManual()
    {
        var builder = new StringBuilder("[TOC]\n\n");
        for (var section = 0; section < 700; section++)
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
}
