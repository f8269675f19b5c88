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

    [Fact]
    public async Task Post_BodyOverTheRouteLimit_Answers413WithMessageOtherRoutesKeepDefault()
    {
        // Arrange: the browser's session cookie on a plain client, so the body's size can be declared without sending it.
        var page = await portal.SignedInPageAsync(DemoAccounts.ParkJihoon.Uid);
        var cookies = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => c.Name + "=" + c.Value));
        using var http = new HttpClient { BaseAddress = portal.BaseAddress };

        // Act: Expect: 100-continue lets Kestrel refuse on the declared length alone.
        var notice = await SendDeclaredAsync(http, cookies, "/notices/all/new", 10L * 20 * 1024 * 1024 + 3 * 1024 * 1024);
        var noticeText = await notice.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var wiki = await SendDeclaredAsync(http, cookies, "/wiki/Test/edit", 40L * 1024 * 1024);

        // Assert
        Assert.True(notice.StatusCode == System.Net.HttpStatusCode.RequestEntityTooLarge, $"{(int)notice.StatusCode} {noticeText[..Math.Min(noticeText.Length, 3000)]}");
        Assert.Contains("첨부파일은 10개, 파일당 20 MB까지", noticeText, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wiki.StatusCode); // other routes keep their behaviour: no 413 page of ours, the form is refused as before
    }

    private static async Task<HttpResponseMessage> SendDeclaredAsync(HttpClient http, string cookies, string path, long length)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new DeclaredLengthContent(length) };
        request.Headers.ExpectContinue = true;
        request.Headers.Add("Cookie", cookies);
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A body that declares a length and sends zeros (the server refuses before reading it).</summary>
    private sealed class DeclaredLengthContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (var sent = 0L; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }

    private static string Shot(string name) => Path.Combine(LiveBrowserPortal.ArtifactsDirectory, name);

    private static string Describe(Deque.AxeCore.Commons.AxeResult result) =>
        string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));
}
