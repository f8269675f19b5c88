using System.Globalization;
using System.Text;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>Deterministic Korean wiki text for the benchmarks.</summary>
public static class WikiCorpus
{
    private static readonly string[] s_words =
        ["민원", "신청서를", "제출합니다", "담당", "부서는", "정보통신과", "예산", "집행", "계획", "회의록", "결재", "공람", "portal", "VPN", "2026년", "시행"];

    /// <summary>One sentence-like line, varied by <paramref name="seed"/>.</summary>
    public static string Line(int seed)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 8 + (seed % 5); i++)
        {
            builder.Append(s_words[(seed * 7 + i * 3) % s_words.Length]).Append(' ');
        }

        return builder.Append(seed.ToString(CultureInfo.InvariantCulture)).Append('.').ToString();
    }

    /// <summary>
    /// About <paramref name="bytes"/> of UTF-8 Markdown with headings, tables, task lists, footnotes and wiki links; with
    /// <paramref name="rawHtml"/>, every section also has inline HTML and a <c>&lt;details&gt;</c> block around Markdown.
    /// </summary>
    public static string Markdown(int bytes, bool rawHtml = false)
    {
        var builder = new StringBuilder("[TOC]\n\n");
        for (var section = 0; Encoding.UTF8.GetByteCount(builder.ToString()) < bytes; section++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"## {section}장 {Line(section)}\n\n");
            if (rawHtml)
            {
                builder.Append(CultureInfo.InvariantCulture, $"<details>\n<summary>{Line(section + 6)}</summary>\n\n{Line(section + 7)} <kbd>Ctrl</kbd>+<kbd>S</kbd>\n\n</details>\n\n");
            }

            builder.Append(CultureInfo.InvariantCulture, $"{Line(section + 1)} [[문서 {section}]] [[hr:규정 {section % 7}|규정]] **{Line(section + 2)}**[^{section}]\n\n");
            builder.Append("| 항목 | 담당 | 금액 |\n|---|---|--:|\n");
            for (var row = 0; row < 5; row++)
            {
                builder.Append(CultureInfo.InvariantCulture, $"| {Line(row)} | 총무과 | {row * 1000} |\n");
            }

            builder.Append(CultureInfo.InvariantCulture, $"\n- [x] {Line(section + 3)}\n- [ ] {Line(section + 4)}\n\n[^{section}]: {Line(section + 5)}\n\n");
        }

        return builder.ToString();
    }

    /// <summary>A text of <paramref name="lines"/> lines.</summary>
    public static string[] Lines(int lines) => [.. Enumerable.Range(0, lines).Select(Line)];

    /// <summary>
    /// A revision of <paramref name="lines"/>: every <paramref name="stride"/>-th line gets one syllable changed, and a few lines
    /// are inserted and deleted, as a real edit session would.
    /// </summary>
    public static string[] Edit(string[] lines, int stride, int salt)
    {
        var result = new List<string>(lines.Length + 8);
        for (var i = 0; i < lines.Length; i++)
        {
            if ((i + salt) % (stride * 10) == 0)
            {
                continue;
            }

            result.Add((i + salt) % stride == 0 ? lines[i].Replace("신청서를", "신청서는", StringComparison.Ordinal) + " 수정" : lines[i]);
            if ((i + salt) % (stride * 10) == 5)
            {
                result.Add(Line(i + salt * 31));
            }
        }

        return [.. result];
    }

    /// <summary>
    /// One small edit of a long-lived page, varied by <paramref name="revision"/>: two lines reworded, one line inserted and one
    /// deleted, so the line count stays steady.
    /// </summary>
    public static string[] Step(string[] lines, int revision)
    {
        var result = lines.ToList();
        result[(revision * 37) % result.Count] = Line(revision * 3);
        result[(revision * 101 + 7) % result.Count] = Line(revision * 3 + 1);
        result.Insert((revision * 53) % result.Count, Line(revision * 3 + 2));
        result.RemoveAt((revision * 71 + 13) % result.Count);
        return [.. result];
    }
}
