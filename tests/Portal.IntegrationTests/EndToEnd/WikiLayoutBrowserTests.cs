using System.Text.Json;
using Deque.AxeCore.Playwright;
using GatewayPortal.Tools.OrgGen;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>
/// Issue 16, wiki: the rendered page measured in Chromium at 1366×768 and 375×812 (task-list checkboxes, table of contents,
/// spacing after tables, the "사소한 편집 숨기기" label), every wiki page's phone layout, and the way to recent changes,
/// the list of pages and a new page. Screenshots go to artifacts/screenshots/wiki-layout-*.png.
/// </summary>
public sealed class WikiLayoutBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    private const string Title = "문서 모양 시험";
    private const string Slug = "%EB%AC%B8%EC%84%9C_%EB%AA%A8%EC%96%91_%EC%8B%9C%ED%97%98";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private const string Text = """
        # 문서 모양 시험

        ## 개요

        출장은 미리 신청하고, 다녀온 뒤 닷새 안에 결과를 보고합니다.[^1] 유연근무제를 쓰는 직원도 같은 절차를 따릅니다.

        ## 신청 기한

        | 구분 | 신청 기한 | 결재권자 | 비고 |
        | --- | --- | --- | --- |
        | 관내 출장 | 당일 | 팀장 | 교통비는 실비로 정산합니다 |
        | 관외 출장 | 하루 전 | 과장 | 숙박이 있으면 사흘 전까지 신청합니다 |

        ## 할 일

        - [ ] 출장 신청서를 전자결재로 올리기
        - [x] 부서장 결재 받기

        ## 참고

        > 출장 결과 보고서는 공유 폴더의 서식을 씁니다.

        명령 예: `dotnet run`

        ```
        출장비 = 교통비 + 숙박비 + 일비
        ```

        [^1]: 감사 지적 사항(2025년)에 따라 기한을 닷새로 줄였습니다.
        """;

    [Fact]
    public async Task RenderedPage_Desk_TaskListTocAndHeadingAfterTableHaveDocumentSiteSizes()
    {
        // Arrange
        await EnsurePagesAsync();
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 1366, 768);

        // Act
        await page.GotoAsync("/wiki/" + Slug);
        await page.Locator(".wiki-content h2", new() { HasText = "할 일" }).WaitForAsync();
        var m = await MeasureAsync(page);
        await ShotAsync(page, "page-desk");

        // Assert: checkbox beside its text; TOC a column beside the article in the first screen; a gap under the table.
        Assert.All(m.Tasks, t => Assert.True(t.BoxWidth <= 24 && t.BoxHeight <= 24, $"checkbox is {t.BoxWidth}×{t.BoxHeight}px"));
        Assert.All(m.Tasks, t => Assert.True(t.SameLine, $"checkbox at y={t.BoxMiddle}, its text at y={t.TextMiddle}"));
        Assert.True(m.TocLeft >= m.ArticleRight, $"TOC starts at x={m.TocLeft}, article ends at x={m.ArticleRight}");
        Assert.True(m.TocTop < 768 && m.TocTop <= m.ArticleTop + 1, $"TOC top {m.TocTop}, article top {m.ArticleTop}");
        Assert.True(m.GapAfterTable >= m.HeadingFontSize, $"gap between table and heading {m.GapAfterTable}px < 1em ({m.HeadingFontSize}px)");
    }

    [Fact]
    public async Task RenderedPage_Phone_TocAboveArticleAndNothingCrushedOrWide()
    {
        // Arrange
        await EnsurePagesAsync();
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 375, 812);

        // Act
        await page.GotoAsync("/wiki/" + Slug);
        await page.Locator(".wiki-content h2", new() { HasText = "할 일" }).WaitForAsync();
        var m = await MeasureAsync(page);
        var problems = await PhoneLayout.ProblemsAsync(page);
        await ShotAsync(page, "page-phone");

        // Assert
        Assert.Empty(problems);
        Assert.All(m.Tasks, t => Assert.True(t.BoxWidth <= 24 && t.SameLine, $"checkbox {t.BoxWidth}px wide, y={t.BoxMiddle} vs text y={t.TextMiddle}"));
        Assert.True(m.TocBottom <= m.ArticleTop, $"TOC ends at y={m.TocBottom}, article starts at y={m.ArticleTop}");
        Assert.True(m.TocTop < 812, $"TOC top {m.TocTop} is below the first screen");
        Assert.True(m.GapAfterTable >= m.HeadingFontSize, $"gap between table and heading {m.GapAfterTable}px < 1em");
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(375, 812)]
    public async Task RecentChanges_HideMinorEditsCheckbox_LabelOnOneLineBesideASmallBox(int width, int height)
    {
        // Arrange
        await EnsurePagesAsync();
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, width, height);

        // Act
        await page.GotoAsync("/wiki/special/recent");
        var label = page.Locator("label[for=rc-hideminor]");
        await label.WaitForAsync();
        var labelBox = (await label.BoundingBoxAsync())!;
        var box = (await page.Locator("#rc-hideminor").BoundingBoxAsync())!;
        var lineHeight = await label.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.5");

        // Assert
        Assert.Equal("사소한 편집 숨기기", (await label.InnerTextAsync()).Trim());
        Assert.True(labelBox.Height < lineHeight * 1.5, $"label is {labelBox.Height}px tall (line {lineHeight}px): it wraps");
        Assert.True(box.Width <= 24, $"checkbox is {box.Width}px wide");
        Assert.True(Math.Abs((box.Y + (box.Height / 2)) - (labelBox.Y + (labelBox.Height / 2))) < 8, "checkbox and label are not on one line");
    }

    [Theory]
    [InlineData(375, 812, "phone")]
    [InlineData(1366, 768, "desk")]
    public async Task EveryWikiPage_PhoneAndDesk_NoWideDocumentNoCrushedTextAndAxeClean(int width, int height, string size)
    {
        // Arrange
        var ids = await EnsurePagesAsync();
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, width, height);
        (string Name, string Path, string Ready)[] pages =
        [
            ("main", "/wiki", "h1"),
            ("page", "/wiki/" + Slug, ".wiki-content"),
            ("recent", "/wiki/special/recent", "table.wiki-recent"),
            ("watchlist", "/wiki/special/watchlist", "h1"),
            ("pages", "/wiki/special/pages", "table.wiki-pages"),
            ("pages-recent", "/wiki/special/pages?sort=recent", "table.wiki-pages"),
            ("new", "/wiki/special/new", "#new-title"),
            ("history", "/wiki/" + Slug + "/history", "table.wiki-history"),
            ("blame", "/wiki/" + Slug + "/blame", "table.wiki-blame"),
            ("diff-side", $"/wiki/{Slug}/diff?old={ids[0]}&new={ids[^1]}&view=side", "table.wiki-diff"),
            ("diff-inline", $"/wiki/{Slug}/diff?old={ids[0]}&new={ids[^1]}&view=inline", "table.wiki-diff"),
            ("links", "/wiki/" + Slug + "/links", "h1"),
            ("edit", "/wiki/" + Slug + "/edit", "#wiki-text"),
        ];
        var failures = new List<string>();

        // Act
        foreach (var (name, path, ready) in pages)
        {
            await page.GotoAsync(path);
            await page.Locator(ready).First.WaitForAsync();
            failures.AddRange((await PhoneLayout.ProblemsAsync(page)).Select(p => $"{name}: {p}"));
            var axe = await page.RunAxe();
            failures.AddRange(axe.Violations.Select(v => $"{name} axe {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})"));
            await ShotAsync(page, $"{name}-{size}");
        }

        // Assert
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Phone_TablesChangeShape_HistoryCardsBlameTextWideAndSideDiffInOneColumn()
    {
        // Arrange
        var ids = await EnsurePagesAsync();
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 375, 812);

        // Act
        await page.GotoAsync("/wiki/" + Slug + "/history");
        await page.Locator("table.wiki-history").WaitForAsync();
        var historyWidth = await page.Locator("table.wiki-history").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        var containerWidth = await page.Locator(".wiki").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        await page.GotoAsync("/wiki/" + Slug + "/blame");
        await page.Locator("table.wiki-blame").WaitForAsync();
        var blameText = await page.Locator("table.wiki-blame td.code").First.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        await page.GotoAsync($"/wiki/{Slug}/diff?old={ids[0]}&new={ids[^1]}&view=side");
        await page.Locator("table.wiki-diff").WaitForAsync();
        var diffCells = await page.Locator("table.wiki-diff--side td.code").EvaluateAllAsync<double[]>(
            "cells => cells.filter(c => c.offsetParent !== null).map(c => c.getBoundingClientRect().width)");
        var note = await page.Locator(".wiki-diff-narrow-note").IsVisibleAsync();

        // Assert
        Assert.True(historyWidth <= containerWidth + 0.5, $"history table {historyWidth}px in a {containerWidth}px container");
        Assert.True(blameText >= 250, $"blame leaves {blameText}px for the text");
        Assert.NotEmpty(diffCells);
        Assert.All(diffCells, w => Assert.True(w >= 250, $"a diff text cell is {w}px wide"));
        Assert.True(note, "the narrow-screen note is hidden");
    }

    [Fact]
    public async Task Findability_FromTheWikiRoot_ReachesRecentChangesAllPagesAndANewPageEditor()
    {
        // Arrange
        await EnsurePagesAsync();
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 375, 812);
        await page.GotoAsync("/wiki");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "위키 메뉴" });

        // Act + Assert: recent changes
        await menu.GetByRole(AriaRole.Link, new() { Name = "최근 변경" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "최근 변경" }).WaitForAsync();
        Assert.True(await page.Locator("a[href$='recent.atom']", new() { HasText = "변경 알림 구독(피드)" }).IsVisibleAsync());

        // All pages, by recent edit: the test page is listed with its per-page version.
        await menu.GetByRole(AriaRole.Link, new() { Name = "모든 문서" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "모든 문서" }).WaitForAsync();
        await page.Locator("#pages-sort").SelectOptionAsync("recent");
        await page.GetByRole(AriaRole.Button, new() { Name = "보기" }).ClickAsync();
        var row = page.Locator("table.wiki-pages tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }) });
        await row.WaitForAsync();
        Assert.Contains("버전 3", await row.InnerTextAsync(), StringComparison.Ordinal);

        // A new page: a bad title is refused with a reason, a good one opens the editor.
        await menu.GetByRole(AriaRole.Link, new() { Name = "새 문서" }).ClickAsync();
        await page.Locator("#new-title").FillAsync("잘못된 # 제목");
        await page.GetByRole(AriaRole.Button, new() { Name = "편집기 열기" }).ClickAsync();
        await page.Locator("#new-title-error").WaitForAsync();
        Assert.Contains("#", await page.Locator("#new-title-error").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#new-title").FillAsync(Title);
        await page.GetByRole(AriaRole.Button, new() { Name = "편집기 열기" }).ClickAsync();
        await page.Locator("[role=status]", new() { HasText = "이미 있습니다" }).WaitForAsync();
        await page.Locator("#new-title").FillAsync("새로 만들 문서 시험");
        await page.GetByRole(AriaRole.Button, new() { Name = "편집기 열기" }).ClickAsync();
        await page.Locator("#wiki-text").WaitForAsync();
        Assert.Contains("/wiki/%EC%83%88%EB%A1%9C_%EB%A7%8C%EB%93%A4_%EB%AC%B8%EC%84%9C_%EC%8B%9C%ED%97%98/edit", page.Url, StringComparison.Ordinal);
    }

    /// <summary>The test page in three versions (the second a minor edit), with another page saved in between so ids and numbers differ.</summary>
    private async Task<long[]> EnsurePagesAsync()
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var cancel = TestContext.Current.CancellationToken;
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
            var existing = await db.WikiPages.Where(p => p.Title == Title).Select(p => p.Id).SingleOrDefaultAsync(cancel);
            if (existing != 0)
            {
                return [.. await db.WikiRevisions.Where(r => r.PageId == existing).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancel)];
            }

            var editor = scope.ServiceProvider.GetRequiredService<IWikiEditor>();
            var kim = new WikiActor("layout-kim", "김민수", []);
            var lee = new WikiActor("layout-lee", "이지영", []);
            var first = Saved(await editor.SaveAsync(new WikiSaveRequest("", Title, Text, "처음 만듦", false, null), kim, cancel));
            Saved(await editor.SaveAsync(new WikiSaveRequest("", "문서 모양 시험 곁다리", "곁다리", "", false, null), kim, cancel));
            var second = Saved(await editor.SaveAsync(new WikiSaveRequest("", Title, Text.Replace("닷새", "나흘", StringComparison.Ordinal), "오타 고침", true, first), lee, cancel));
            var third = Saved(await editor.SaveAsync(
                new WikiSaveRequest("", Title, Text.Replace("닷새", "나흘", StringComparison.Ordinal) + "\n\n문의는 총무과 복무 담당자에게 전화로 하시면 됩니다. 담당자가 자리에 없으면 메일을 남겨 주세요.", "문의처 추가", false, second), kim, cancel));
            return [first, second, third];
        }
        finally
        {
            Gate.Release();
        }

        static long Saved(WikiSaveResult result) => result switch
        {
            WikiSaveResult.Saved s => s.Revision.Id,
            WikiSaveResult.Merged m => m.Revision.Id,
            _ => throw new InvalidOperationException(result.ToString()),
        };
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, $"wiki-layout-{name}.png"), FullPage = true });

    private static async Task<Measures> MeasureAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
              const rect = e => e.getBoundingClientRect();
              const tasks = [...document.querySelectorAll('.wiki-content li.task-list-item')].map(li => {
                const box = li.querySelector('input[type=checkbox]');
                const text = [...li.childNodes].find(n => n.nodeType === 3 && n.textContent.trim().length > 0);
                const range = document.createRange();
                range.selectNodeContents(text);
                const t = range.getClientRects()[0];
                const b = rect(box);
                return { BoxWidth: b.width, BoxHeight: b.height, BoxMiddle: b.top + b.height / 2, TextMiddle: t.top + t.height / 2,
                         SameLine: Math.abs((b.top + b.height / 2) - (t.top + t.height / 2)) < 12 };
              });
              const toc = rect(document.querySelector('.wiki-toc'));
              const article = rect(document.querySelector('.wiki-content'));
              const table = document.querySelector('.wiki-content table');
              const block = table.closest('.wiki-table') || table;
              let heading = block.nextElementSibling;
              while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.nextElementSibling;
              return JSON.stringify({
                Tasks: tasks, TocLeft: toc.left, TocTop: toc.top, TocBottom: toc.bottom, ArticleRight: article.right, ArticleTop: article.top,
                GapAfterTable: rect(heading).top - rect(block).bottom, HeadingFontSize: parseFloat(getComputedStyle(heading).fontSize),
              });
            }
            """);
        return JsonSerializer.Deserialize<Measures>(json)!;
    }

    private sealed record TaskBox(double BoxWidth, double BoxHeight, double BoxMiddle, double TextMiddle, bool SameLine);

    private sealed record Measures(
        TaskBox[] Tasks, double TocLeft, double TocTop, double TocBottom, double ArticleRight, double ArticleTop, double GapAfterTable, double HeadingFontSize);
}
