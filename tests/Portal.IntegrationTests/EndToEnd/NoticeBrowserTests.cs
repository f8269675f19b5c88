using Deque.AxeCore.Playwright;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>The notice pages in a real browser at desktop and phone sizes: posting with attachments, the list, a form error; axe on each.</summary>
public sealed class NoticeBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Browser_PostWithAttachmentsThenList_ScreenshotsAndAxeClean()
    {
        // Arrange
        var page = await portal.SignedInPageAsync(DemoAccounts.ParkJihoon.Uid, 1366, 768);

        // Act: post a notice with two Korean-named files through the real form.
        await page.GotoAsync("/notices/all/new");
        await page.Locator("#n-title").FillAsync("2027년 상반기 보안 교육 일정 안내");
        await page.Locator("#n-category").FillAsync("교육");
        await page.Locator("#n-body").FillAsync("상반기 **정보보안 교육**을 다음과 같이 실시합니다.\n\n- 일시: 2027. 1. 12.(화) 14:00\n- 장소: 본청 대회의실\n\n부서별로 참석자를 알려 주십시오.");
        await page.Locator("#n-files").SetInputFilesAsync([
            new FilePayload { Name = "보안교육 계획(안).pdf", MimeType = "application/pdf", Buffer = Pdf },
            new FilePayload { Name = "참석자 명단.txt", MimeType = "text/plain", Buffer = "총무과 3명\n인사과 2명\n"u8.ToArray() },
        ]);
        await page.Locator("button[type=submit].primary").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("?notice=saved", StringComparison.Ordinal));
        var files = await page.Locator(".notice-files li").CountAsync();
        await page.ScreenshotAsync(new() { Path = Shot("notice-view-1366.png"), FullPage = true });
        var viewAxe = await page.RunAxe();
        await page.SetViewportSizeAsync(375, 812);
        var viewWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Shot("notice-view-375.png"), FullPage = true });

        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync("/notices");
        await page.ScreenshotAsync(new() { Path = Shot("notice-list-1366.png"), FullPage = true });
        var listAxe = await page.RunAxe();
        await page.SetViewportSizeAsync(375, 812);
        var listWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Shot("notice-list-375.png"), FullPage = true });

        // Assert
        Assert.Equal(2, files);
        Assert.True(viewAxe.Violations.Length == 0, Describe(viewAxe));
        Assert.True(listAxe.Violations.Length == 0, Describe(listAxe));
        Assert.True(viewWidth <= 375, $"post is {viewWidth}px wide at 375px");
        Assert.True(listWidth <= 375, $"list is {listWidth}px wide at 375px");
    }

    [Fact]
    public async Task Browser_NewPostWithErrors_MessagesShownTextKept_AxeClean()
    {
        // Arrange
        var page = await portal.SignedInPageAsync(DemoAccounts.ParkJihoon.Uid, 1366, 768);

        // Act: no title, expiry before publish, and an HTML file.
        await page.GotoAsync("/notices/all/new");
        await page.Locator("#n-body").FillAsync("제목 없이 보낸 본문입니다.");
        await page.Locator("#n-publish").FillAsync("2099-03-02T09:00");
        await page.Locator("#n-expires").FillAsync("2099-03-01T18:00");
        await page.Locator("#n-files").SetInputFilesAsync([new FilePayload { Name = "공지.html", MimeType = "text/html", Buffer = "<html></html>"u8.ToArray() }]);
        await page.Locator("button[type=submit].primary").ClickAsync();
        await page.Locator("#notice-errors").WaitForAsync();
        var body = await page.Locator("#n-body").InputValueAsync();
        await page.ScreenshotAsync(new() { Path = Shot("notice-form-error-1366.png"), FullPage = true });
        var axe = await page.RunAxe();
        await page.SetViewportSizeAsync(375, 812);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Shot("notice-form-error-375.png"), FullPage = true });

        // Assert
        Assert.Equal("제목 없이 보낸 본문입니다.", body);
        Assert.True(axe.Violations.Length == 0, Describe(axe));
        Assert.True(width <= 375, $"form is {width}px wide at 375px");
    }

    private static string Shot(string name) => Path.Combine(LiveBrowserPortal.ArtifactsDirectory, name);

    private static string Describe(Deque.AxeCore.Commons.AxeResult result) =>
        string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));
}
