using System.Diagnostics;
using System.Globalization;
using System.Text;
using GatewayPortal.Wiki;
using GatewayPortal.Wiki.Blame;
using GatewayPortal.Wiki.Merge;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Bench.WikiBench;

/// <summary>
/// Times one run of each pathological shape of issue #13 (before the limits some took minutes, too long for BenchmarkDotNet):
/// <c>dotnet run -c Release --project bench/WikiBench -- shapes [name-prefix …]</c>. Render shapes go through <see cref="MarkdigWikiRenderer.RenderAsync"/>
/// (a refused page renders as escaped source); md- shapes are the cmark pathological tests through the parser (ExtractLinks).
/// </summary>
public static class ShapeTimer
{
    public static async Task RunAsync(string[] only)
    {
        var renderer = new MarkdigWikiRenderer(new NoPages(), Options.Create(new WikiOptions()));
        await renderer.RenderAsync("# warm-up <b>x</b> [a](b)", WikiTitle.MainSpace);
        var shapes = new (string Name, Func<Task> Run)[]
        {
            ("links-40000", () => renderer.RenderAsync(PathologicalShapes.UnclosedLinks(40_000), WikiTitle.MainSpace)),
            ("tags-100000", () => renderer.RenderAsync(PathologicalShapes.OpenTags(100_000), WikiTitle.MainSpace)),
            ("headings-20000", () => renderer.RenderAsync(PathologicalShapes.SameHeadings(20_000), WikiTitle.MainSpace)),
            ("divs-50000", () => renderer.RenderAsync(PathologicalShapes.NestedDivs(50_000), WikiTitle.MainSpace)),
            ("blame-40000", () => Task.FromResult(BlameEngine.Advance(BlameState.Empty, string.Empty, new BlameRevision(1, PathologicalShapes.DisjointLines(40_000).Old)))),
            ("blame2-40000", () => { var (a, b) = PathologicalShapes.DisjointLines(40_000); var s = BlameEngine.Advance(BlameState.Empty, string.Empty, new BlameRevision(1, a)); return Task.FromResult(BlameEngine.Advance(s, a, new BlameRevision(2, b))); }),
            ("merge-60000", () => { var (a, b) = PathologicalShapes.DisjointLines(60_000); return Task.FromResult(new DiffPlexWikiMerger().Merge(string.Empty, a, b)); }),
            ("merge2-60000", () => { var (a, b) = PathologicalShapes.DisjointLines(60_000); return Task.FromResult(new DiffPlexWikiMerger().Merge(a, b, a + "\nx")); }),
            ("ok-parse-table", () => Task.FromResult(renderer.ExtractLinks(PathologicalShapes.Table(13_000), WikiTitle.MainSpace))),
            ("ok-parse-manual", () => Task.FromResult(renderer.ExtractLinks(PathologicalShapes.Manual(680), WikiTitle.MainSpace))),
            ("ok-markdig-table", () => Task.FromResult(Markdig.Markdown.ToHtml(PathologicalShapes.Table(13_000), Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build()))),
            ("ok-table-1000", () => renderer.RenderAsync(PathologicalShapes.Table(1_000), WikiTitle.MainSpace)),
            ("ok-table-4000", () => renderer.RenderAsync(PathologicalShapes.Table(4_000), WikiTitle.MainSpace)),
            ("s-parse-p30k", () => Task.FromResult(new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<div>x</div>" + new StringBuilder().Insert(0, "<p>x</p>\n", 30_000)).Body!.ChildNodes.Length)),
            ("s-parse-out-p30k", () => Task.FromResult(new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<div>x</div>" + new StringBuilder().Insert(0, "<p>x</p>\n", 30_000)).Body!.InnerHtml)),
            ("s-all-p30k", () => Task.FromResult(new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<div>x</div>" + new StringBuilder().Insert(0, "<p>x</p>\n", 30_000)).QuerySelectorAll("*").Length)),
            ("s-manual-dom", () => Task.FromResult(new Ganss.Xss.HtmlSanitizer().SanitizeDom(ManualHtml).Body!.ChildNodes.Length)),
            ("s-manual-parse", () => Task.FromResult(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(ManualHtml).Body!.ChildNodes.Length)),
            ("s-manual-nostyle-dom", () => Task.FromResult(new Ganss.Xss.HtmlSanitizer().SanitizeDom(ManualHtml.Replace(" style=\"text-align: right\"", "", StringComparison.Ordinal)).Body!.ChildNodes.Length)),
            ("s-div0-p30k", () => Task.FromResult(Sanitize("<div>x</div>" + new StringBuilder().Insert(0, "<p>x</p>\n", 30_000)))),
            ("s-div10-p30k", () => Task.FromResult(Sanitize(new StringBuilder().Insert(0, "<div>", 10) + new StringBuilder().Insert(0, "<p>x</p>\n", 30_000).ToString()))),
            ("s-div100-p30k", () => Task.FromResult(Sanitize(new StringBuilder().Insert(0, "<div>", 100) + new StringBuilder().Insert(0, "<p>x</p>\n", 30_000).ToString()))),
            ("s-div100-p3k", () => Task.FromResult(Sanitize(new StringBuilder().Insert(0, "<div>", 100) + new StringBuilder().Insert(0, "<p>x</p>\n", 3_000).ToString()))),
            ("s-td-style-20k", () => Task.FromResult(Sanitize("<table>" + new StringBuilder().Insert(0, "<tr><td style=\"text-align: right\">1</td><td>b</td></tr>\n", 20_000) + "</table>"))),
            ("s-td-plain-20k", () => Task.FromResult(Sanitize("<table>" + new StringBuilder().Insert(0, "<tr><td>1</td><td>b</td></tr>\n", 20_000) + "</table>"))),
            ("ok-manual-nohtml", () => renderer.RenderAsync(PathologicalShapes.Manual(680).Replace("<b>확인</b>", "확인", StringComparison.Ordinal), WikiTitle.MainSpace)),
            ("r-removed-tags-60k", () => renderer.RenderAsync(new StringBuilder().Insert(0, "<button>x</button>", 60_000).ToString(), WikiTitle.MainSpace)),
            ("r-removed-tags-20k", () => renderer.RenderAsync(new StringBuilder().Insert(0, "<button>x</button>", 20_000).ToString(), WikiTitle.MainSpace)),
            ("r-img-60k", () => renderer.RenderAsync(new StringBuilder().Insert(0, "<img src=\"https://example.org/a.png\" alt=x>", 60_000).ToString(), WikiTitle.MainSpace)),
            ("r-spans-200k", () => renderer.RenderAsync(new StringBuilder().Insert(0, "<span>x</span>", 140_000).ToString(), WikiTitle.MainSpace)),
            ("r-spans-50k", () => renderer.RenderAsync(new StringBuilder().Insert(0, "<span>x</span>", 35_000).ToString(), WikiTitle.MainSpace)),
            ("r-manual-html-2MB", () => renderer.RenderAsync(PathologicalShapes.Manual(680), WikiTitle.MainSpace)),
            ("ok-manual-html-48", () => renderer.RenderAsync(PathologicalShapes.Manual(48), WikiTitle.MainSpace)),
            ("ok-manual-2MB-html-at-limit", () => renderer.RenderAsync(PathologicalShapes.Manual(48) + PathologicalShapes.Manual(632).Replace("<b>확인</b>", "확인", StringComparison.Ordinal), WikiTitle.MainSpace)),
            ("ok-table-13000x10", () => renderer.RenderAsync(PathologicalShapes.Table(13_000), WikiTitle.MainSpace)),
            ("ok-refdefs-2000", () => renderer.RenderAsync(new StringBuilder().Insert(0, "[a]: u\n", 2_000).ToString(), WikiTitle.MainSpace)),
            ("ok-unclosed-emphasis", () => renderer.RenderAsync(new StringBuilder().Insert(0, new StringBuilder().Insert(0, "_a ", 100).Append("\n\n").ToString(), 900).ToString(), WikiTitle.MainSpace)),
            ("ok-unclosed-links", () => renderer.RenderAsync(new StringBuilder().Insert(0, "[a](" + new string('x', 4_990) + " ", 1_000).ToString(), WikiTitle.MainSpace)),
            ("ok-html-depth-100", () => renderer.RenderAsync(new StringBuilder().Insert(0, "<div>", 100).Append(new StringBuilder().Insert(0, "x\n\n", 30_000)).ToString(), WikiTitle.MainSpace)),
            ("ok-paragraphs-600k", () => renderer.RenderAsync(new StringBuilder().Insert(0, "x\n\n", 600_000).ToString(), WikiTitle.MainSpace)),
            ("ok-blame-manual-edit", () => { var a = PathologicalShapes.Manual(680); var b = a.Replace("3장", "삼장", StringComparison.Ordinal); var s = BlameEngine.Advance(BlameState.Empty, string.Empty, new BlameRevision(1, a)); return Task.FromResult(BlameEngine.Advance(s, a, new BlameRevision(2, b))); }),
            ("ok-merge-manual", () => { var a = PathologicalShapes.Manual(680); return Task.FromResult(new DiffPlexWikiMerger().Merge(a, "머리말\n" + a, a + "\n맺음말")); }),
        };
        shapes = [.. shapes, .. Cmark().Select(c => ("md-" + c.Name, (Func<Task>)(() => Task.FromResult(renderer.ExtractLinks(c.Text, "main")))))];
        foreach (var (name, run) in shapes)
        {
            if (only.Length > 0 && !only.Any(o => name.StartsWith(o, StringComparison.Ordinal)))
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            string outcome;
            try
            {
                var task = run();
                await task;
                outcome = task is Task<RenderedPage> rendered && (await rendered).Violation is { } v ? "refused " + v.Limit : "ok";
            }
            catch (Exception e)
            {
                outcome = e.GetType().Name + ": " + e.Message;
            }

            // CPU time as well as wall time: on a shared machine the wall time of single-threaded work includes waiting for a core.
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} wall {1,10:F1} ms  cpu {2,10:F1} ms  {3}", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, cpu, outcome));
        }
    }

    private static IEnumerable<(string Name, string Text)> Cmark()
    {
        const int n = 100_000;
        string R(string u, int c) => new System.Text.StringBuilder().Insert(0, u, c).ToString();
        foreach (var cell in new[] { "**b**", "*b*", "`c`", "[a](b)", "[[링크]]", "<b>x</b>", "plain" })
        {
            yield return ("t-" + cell + "-3000", "|a|b|c|\n|-|-|-|\n" + R("| x | " + cell + " | y |\n", 3_000));
        }

        yield return ("t-bold-1500", "|a|b|c|\n|-|-|-|\n" + R("| x | **b** | y |\n", 1_500));
        yield return ("t-bold-3000-one-col", "|a|\n|-|\n" + R("| **b** |\n", 3_000));
        yield return ("t-bold-3000-no-outer-pipes", "a|b|c\n-|-|-\n" + R("x | **b** | y\n", 3_000));
        yield return ("c-closers-9000x20", R(R("a_ ", 9_000) + "\n\n", 20));
        yield return ("c-mismatched-9000x20", R(R("*a_ ", 9_000) + "\n\n", 20));
        yield return ("c-mult3-9000x20", R(R("a**b", 9_000) + "c*\n\n", 20));
        yield return ("c-closers-50k", R("a_ ", 50_000));
        yield return ("c-closers-200k", R("a_ ", 200_000));
        yield return ("c-closers-600k", R("a_ ", 600_000));
        yield return ("c-mismatched-400k", R("*a_ ", 400_000));
        yield return ("c-mult3-600k", R("a**b", 450_000) + "c*");
        yield return ("c-mult3-150k", R("a**b", 150_000) + "c*");
        yield return ("e-openers-2000", R("_a ", 2_000));
        yield return ("e-openers-5000", R("_a ", 5_000));
        yield return ("e-openers-9000", R("_a ", 9_000));
        yield return ("e-openers-9000x20", R(R("_a ", 9_000) + "\n\n", 20));
        yield return ("e-star-9000x20", R(R("*a ", 9_000) + "\n\n", 20));
        yield return ("e-bracket-9000x20", R(R("[a ", 9_000) + "\n\n", 20));
        yield return ("z-refdefs", R("[a]: u\n", n / 4));
        yield return ("z-refdefs-distinct", string.Concat(Enumerable.Range(0, n / 4).Select(i => "[a" + i + "]: u\n")));
        yield return ("z-reflinks", "[a]: u\n\n" + R("[a] ", n / 4));
        yield return ("z-rows-50k", "|a|b|\n|-|-|\n" + R("|x|y|\n", n / 2));
        yield return ("z-rows-200k", "|a|b|\n|-|-|\n" + R("|x|y|\n", n * 2));
        yield return ("z-cols-50k", "|" + R("a|", n / 2) + "\n|" + R("-|", n / 2) + "\n" + R("|a", 10));
        yield return ("nested-strong", R("*a **a ", n / 4) + "b" + R(" a** a*", n / 4));
        yield return ("emph-closers", R("a_ ", n));
        yield return ("emph-openers", R("_a ", n));
        yield return ("link-closers", R("a]", n));
        yield return ("link-openers", R("[a", n));
        yield return ("mismatched", R("*a_ ", n));
        yield return ("mult3", R("a**b", n / 2) + "c*");
        yield return ("link-emph", R("[ a_", n));
        yield return ("nested-brackets", R("[", n) + "a" + R("]", n));
        yield return ("nested-bq", R("> ", 120) + "a");
        yield return ("backticks", string.Concat(Enumerable.Range(1, 2000).Select(i => "e" + new string('`', i))));
        yield return ("unclosed-a", R("[a](<b", n / 2));
        yield return ("unclosed-b", R("[a](b", n / 2));
        yield return ("unclosed-title", R("[a](b (", n / 2));
        yield return ("comment", R("</" + "-- ", n / 2).Replace("</", "<!", StringComparison.Ordinal));
        yield return ("pi", R("a <?", n));
        yield return ("decl", R("a <!A ", n));
        yield return ("cdata", R("a <![CDATA[", n));
        yield return ("attr", R("<a b=\"", n / 2));
        yield return ("autolink", R("<http://", n / 2));
        yield return ("refs", R("[a]: u\n", n / 4) + R("[a] ", n / 4));
        yield return ("table-cols", "|" + R("a|", n) + "\n|" + R("-|", n) + "\n" + R("|a", 10));
        yield return ("table-rows", "|a|b|\n|-|-|\n" + R("|x|y|\n", n));
        yield return ("list-nest", string.Concat(Enumerable.Range(0, 120).Select(i => new string(' ', i * 2) + "- a\n")));
        yield return ("wiki-open", R("[[a", n));
        yield return ("wiki-open-close", R("[[a", n) + "]]");
        yield return ("footnotes", R("[^a] ", n / 2));
        yield return ("heading-diff", string.Concat(Enumerable.Range(0, 20000).Select(i => "## same-" + i + "\n## same\n")));
    }

    private static readonly string ManualHtml = Markdig.Markdown.ToHtml(PathologicalShapes.Manual(680), Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build());

    private static string Sanitize(string html) => new Ganss.Xss.HtmlSanitizer().Sanitize(html);

    private sealed class NoPages : IWikiLinkResolver
    {
        public Task<IReadOnlySet<WikiTitle>> FindExistingAsync(IReadOnlyCollection<WikiTitle> titles, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlySet<WikiTitle>>(new HashSet<WikiTitle>());
    }
}
