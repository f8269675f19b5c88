using System.Net;
using System.Text;
using GatewayPortal.Boards.Departments;
using GatewayPortal.Boards.Storage;
using GatewayPortal.Identity.OrgChart;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GatewayPortal.Portal.IntegrationTests.Boards.BoardHttp;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Boards;

/// <summary>The notice boards through the real host and directory: posting, attachments, audience, read counts, history, bad input.</summary>
public sealed class NoticeBoardTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithKoreanPdfName_ShowsPostAndServesAttachmentSafely()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);

        // Act
        var id = await CreateAsync(park, "all", "예산 편성 지침 안내", "**중요**: 기한을 지키세요.", files: [("2027 예산 지침.pdf", Pdf)]);
        var (view, page) = await park.GetDocumentAsync($"/notices/all/{id}");
        var link = page.QuerySelector(".notice-files a")!.GetAttribute("href")!;
        var download = await park.GetAsync(link);

        // Assert
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal("중요", page.QuerySelector(".wiki-content strong")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("filename*=UTF-8''2027%20%EC%98%88%EC%82%B0%20%EC%A7%80%EC%B9%A8.pdf", download.Content.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Download_TextFile_IsOctetStreamNeverRendered()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var id = await CreateAsync(park, "all", "텍스트 첨부 확인", files: [("메모.txt", Encoding.UTF8.GetBytes("<b>hi</b> 안녕하세요"))]);
        var (_, page) = await park.GetDocumentAsync($"/notices/all/{id}");

        // Act
        var download = await park.GetAsync(page.QuerySelector(".notice-files a")!.GetAttribute("href")!);

        // Assert
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task Create_EmptyTitleAndPublishAfterExpiry_ShowsMessagesKeepsTextSavesNothing()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var fields = new Dictionary<string, string>
        {
            ["title"] = " ",
            ["body"] = "되돌아와야 할 본문 7731",
            ["publishAt"] = "2099-05-02T09:00",
            ["expiresAt"] = "2099-05-01T09:00",
            ["pinnedUntil"] = "2001-01-01T00:00",
        };

        // Act
        var response = await PostNoticeAsync(park, "/notices/all/new", fields);
        var page = await PortalClient.ParseAsync(response);
        var (_, search) = await park.GetDocumentAsync("/notices?q=7731");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var alert = page.QuerySelector("#notice-errors")!.TextContent;
        Assert.Contains("제목을 입력하세요.", alert, StringComparison.Ordinal);
        Assert.Contains("게시 시작이 게시 종료보다 앞서야 합니다.", alert, StringComparison.Ordinal);
        Assert.Contains("상단 고정 기한이 이미 지났습니다.", alert, StringComparison.Ordinal);
        Assert.Equal("되돌아와야 할 본문 7731", page.QuerySelector("textarea[name=body]")!.TextContent);
        Assert.Equal("2099-05-02T09:00", page.QuerySelector("input[name=publishAt]")!.GetAttribute("value"));
        Assert.Empty(search.QuerySelectorAll(".notice-list li"));
    }

    [Theory]
    [InlineData("공지.html", "<html><body>hi</body></html>", "첨부할 수 없습니다")] // HTML never
    [InlineData("그림.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>", "첨부할 수 없습니다")] // SVG never
    [InlineData("setup.exe", "MZ\u0090\u0000", "첨부할 수 없습니다")] // executables never
    [InlineData("보고서.pdf", "MZ\u0090\u0000", "확장자와 맞지 않습니다")] // an executable renamed
    [InlineData("표.xlsx", "<html>not a zip</html>", "확장자와 맞지 않습니다")] // HTML renamed
    public async Task Create_DisallowedAttachment_RefusedOnTheFormNothingSaved(string name, string content, string message)
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var title = "첨부 거부 " + Guid.NewGuid().ToString("N")[..8];

        // Act
        var response = await PostNoticeAsync(park, "/notices/all/new", new Dictionary<string, string> { ["title"] = title, ["body"] = "x" },
            [(name, Encoding.UTF8.GetBytes(content))]);
        var page = await PortalClient.ParseAsync(response);
        var (_, search) = await park.GetDocumentAsync("/notices?q=" + Uri.EscapeDataString(title));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("#notice-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, page.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.Empty(search.QuerySelectorAll(".notice-list li"));
    }

    [Fact]
    public async Task Create_TooManyAndOversizedFiles_ExplainsLimits()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var eleven = Enumerable.Range(1, 11).Select(i => ($"문서{i}.pdf", Pdf)).ToList();
        var big = new byte[20 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);

        // Act
        var tooMany = await PostNoticeAsync(park, "/notices/all/new", new Dictionary<string, string> { ["title"] = "파일 많음" }, eleven);
        var tooBig = await PostNoticeAsync(park, "/notices/all/new", new Dictionary<string, string> { ["title"] = "파일 큼" }, [("큰 파일.pdf", big)]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("첨부파일은 10개까지입니다.", (await PortalClient.ParseAsync(tooMany)).QuerySelector("#notice-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("‘큰 파일.pdf’ 파일이 20 MB를 넘습니다.", (await PortalClient.ParseAsync(tooBig)).QuerySelector("#notice-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audience_ReaderOutside_NeverSeesPostInViewListSearchFeedOrAttachment()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var title = "인사 담당자 전용 안내 " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAsync(park, "all", title, "대상자만", new Dictionary<string, string> { ["audience"] = "role-hr" }, [("명단.pdf", Pdf)]);
        var (_, parkView) = await park.GetDocumentAsync($"/notices/all/{id}");
        var attachment = parkView.QuerySelector(".notice-files a")!.GetAttribute("href")!;

        // Act
        var leeView = await lee.GetAsync($"/notices/all/{id}");
        var kimView = await kim.GetAsync($"/notices/all/{id}");
        var kimAttachment = await kim.GetAsync(attachment);
        var kimList = await (await kim.GetAsync("/notices")).Content.ReadAsStringAsync(Cancel);
        var (_, kimSearch) = await kim.GetDocumentAsync("/notices/all?q=" + Uri.EscapeDataString(title));
        var kimFeed = await (await kim.GetAsync("/notices/all/feed")).Content.ReadAsStringAsync(Cancel);
        var kimHistory = await kim.GetAsync($"/notices/all/{id}/history");
        var leeList = await (await lee.GetAsync("/notices/all?q=" + Uri.EscapeDataString(title))).Content.ReadAsStringAsync(Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.OK, leeView.StatusCode);
        Assert.Contains(title, leeList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, kimView.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, kimAttachment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, kimHistory.StatusCode);
        Assert.DoesNotContain(title, kimList, StringComparison.Ordinal);
        Assert.Empty(kimSearch.QuerySelectorAll(".notice-list li"));
        Assert.Contains("검색 결과 0건", kimSearch.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(title, kimFeed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_ReadersOnly_OutsiderGetsNotFoundAndFeedIsPrivate()
    {
        // Arrange
        var key = "hr-" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IBoardAdmin>()
                .SaveCustomAsync(new BoardDefinition(key, "인사 전용", "HR only", null, ["role-hr"], ["role-hr"], []), create: true, Cancel);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        }

        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var id = await CreateAsync(lee, key, "인사팀 회의 안내");

        // Act
        var kimBoard = await kim.GetAsync("/notices/" + key);
        var kimPost = await kim.GetAsync($"/notices/{key}/{id}");
        var kimFeed = await kim.GetAsync($"/notices/{key}/feed");
        var leeFeed = await lee.GetAsync($"/notices/{key}/feed");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, kimBoard.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, kimPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, kimFeed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, leeFeed.StatusCode);
        Assert.Equal("application/atom+xml", leeFeed.Content.Headers.ContentType!.MediaType);
        Assert.Contains("private", leeFeed.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("인사팀 회의 안내", await leeFeed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audience_UnknownGroup_MessageOnForm()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);

        // Act
        var response = await PostNoticeAsync(park, "/notices/all/new", new Dictionary<string, string> { ["title"] = "그룹 오타", ["audience"] = "role-hrr" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("‘role-hrr’ 그룹이 디렉터리에 없습니다.", (await PortalClient.ParseAsync(response)).QuerySelector("#notice-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task View_TwiceByOnePersonOnceByAnother_CountsTwoReadsAndClearsNewMark()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        var title = "조회수 확인 " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAsync(park, "all", title);
        var search = "/notices/all?q=" + Uri.EscapeDataString(title);
        var (_, before) = await kim.GetDocumentAsync(search);

        // Act
        await kim.GetAsync($"/notices/all/{id}");
        await kim.GetAsync($"/notices/all/{id}");
        await lee.GetAsync($"/notices/all/{id}");
        var (_, after) = await kim.GetDocumentAsync(search);

        // Assert
        Assert.NotNull(before.QuerySelector(".notice-list .badge.new"));
        Assert.Null(after.QuerySelector(".notice-list .badge.new"));
        Assert.Contains("조회 2", after.QuerySelector(".notice-meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditThenHistory_ShowsWhoChangedWhatBeforeAndAfter()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var id = await CreateAsync(park, "all", "교육 일정 안내", "12월 10일");

        // Act
        var edit = await PostNoticeAsync(park, $"/notices/all/{id}/edit", new Dictionary<string, string> { ["title"] = "교육 일정 변경 안내", ["body"] = "12월 17일" });
        var (response, history) = await park.GetDocumentAsync($"/notices/all/{id}/history");

        // Assert
        Assert.True(PortalClient.RedirectsTo(edit, $"/notices/all/{id}"), $"{(int)edit.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = history.QuerySelector(".notice-history")!.TextContent;
        Assert.Contains("교육 일정 안내", text, StringComparison.Ordinal);
        Assert.Contains("교육 일정 변경 안내", text, StringComparison.Ordinal);
        Assert.Contains("12월 17일", text, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.ParkJihoon.DisplayName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAndDelete_ByAnotherReader_Forbidden()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var id = await CreateAsync(park, "all", "수정 권한 확인");
        var token = await kim.GetAntiforgeryTokenAsync($"/notices/all/{id}/history");

        // Act
        var editForm = await kim.GetAsync($"/notices/all/{id}/edit");
        var newForm = await kim.GetAsync("/notices/all/new");
        var delete = await kim.PostFormAsync($"/notices/all/{id}/delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var still = await kim.GetAsync($"/notices/all/{id}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, editForm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newForm.StatusCode);
        Assert.True(PortalClient.RedirectsTo(delete, $"/notices/all/{id}?error=forbidden"), $"{(int)delete.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Delete_ByAuthor_HidesPostKeepsHistoryRow()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var id = await CreateAsync(park, "all", "삭제될 공지");

        // Act
        var delete = await park.PostFormAsync($"/notices/all/{id}/delete", new Dictionary<string, string>(), formPage: $"/notices/all/{id}");
        var after = await park.GetAsync($"/notices/all/{id}");
        var noToken = await park.PostFormAsync($"/notices/all/{id}/delete", new Dictionary<string, string>(), withToken: false);

        // Assert
        Assert.True(PortalClient.RedirectsTo(delete, "/notices/all?notice=deleted"), $"{(int)delete.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Theory]
    [InlineData("/notices/all/abc")] // non-numeric id
    [InlineData("/notices/all/99999999")] // unknown id
    [InlineData("/notices/all/-1")] // negative id
    [InlineData("/notices/no-such-board")] // unknown board
    [InlineData("/notices/no-such-board/1")]
    [InlineData("/notices/no-such-board/new")]
    [InlineData("/notices/no-such-board/feed")]
    [InlineData("/notices/attachments/xyz")]
    [InlineData("/notices/attachments/99999999")]
    [InlineData("/notices/all/abc/history")]
    [InlineData("/notices/all/abc/edit")]
    public async Task Routes_MalformedOrUnknown_AnswerNotFound(string path)
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var response = await kim.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_Anonymous_RedirectsToSignIn()
    {
        // Arrange
        using var client = portal.CreatePortalClient();

        // Act
        var response = await client.GetAsync("/notices");

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/account/login"), $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task SyncDepartments_CreatesInChunksRenamesAndArchives_DepartmentGroupMayPost()
    {
        // Arrange: the org chart's own departments (synced by the portal at start) stay in every call, so only ours change.
        await using var scope = portal.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<IBoardAdmin>();
        var boards = scope.ServiceProvider.GetRequiredService<IBoardsDbContext>();
        var chart = await scope.ServiceProvider.GetRequiredService<IOrgChart>().GetAsync(Cancel);
        Assert.NotNull(chart);
        List<DepartmentEntry> org = [.. chart.Departments.Select(d => new DepartmentEntry(d.Code, d.Name, d.ParentCode))];
        var synced = await Eventually.TryUntilAsync(
            async () => await boards.Boards.CountAsync(b => b.Kind == BoardKind.Department && !b.IsArchived, Cancel) >= org.Count,
            TimeSpan.FromSeconds(20),
            TimeSpan.FromMilliseconds(200));
        Assert.True(synced, "the portal never synced the org chart's department boards");
        var many = Enumerable.Range(0, 2 * BoardAdmin.SyncChunkSize + 50).Select(i => new DepartmentEntry($"zz{i:000}", $"시험과 {i}", null)).ToList();

        // Act
        var first = await admin.SyncDepartmentsAsync([.. org, .. many, new("zz901", "시험과", null), new("zz902", "시험팀", "zz901")], Cancel);
        var posters = await boards.BoardGroups.CountAsync(
            g => g.Role == BoardGroupRole.Poster && boards.Boards.Any(b => b.Id == g.BoardId && b.Key.StartsWith("dept-zz")), Cancel);
        var second = await admin.SyncDepartmentsAsync([.. org, new("zz901", "시험정책과", null)], Cancel);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var (response, page) = await kim.GetDocumentAsync("/notices/dept-zz901");

        // Assert
        Assert.Equal(many.Count + 2, first.Created);
        Assert.Equal(many.Count + 2, posters);
        Assert.Equal((1, many.Count + 1), (second.Renamed, second.Archived));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("시험정책과", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("a[href='/notices/dept-zz901/new']"));
    }

    [Fact]
    public async Task Search_NoticeWithAudience_FoundByAudienceNotByOthers_GoneAfterDelete()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var word = "검색시험" + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAsync(park, "all", word + " 인사 안내", "대상자 전용", new Dictionary<string, string> { ["audience"] = "role-hr" });
        var open = await CreateAsync(park, "all", word + " 전체 안내", "모두에게");
        var query = "/search?q=" + Uri.EscapeDataString(word);

        // Act
        var leeHits = await lee.GetDocumentUntilAsync(query, p => p.QuerySelectorAll(".search-hit").Length == 2, TimeSpan.FromSeconds(10));
        var kimHits = await kim.GetDocumentUntilAsync(query, p => p.QuerySelectorAll(".search-hit").Length >= 1, TimeSpan.FromSeconds(10));
        await park.PostFormAsync($"/notices/all/{open}/delete", new Dictionary<string, string>(), formPage: $"/notices/all/{open}");
        var afterDelete = await lee.GetDocumentUntilAsync(query, p => p.QuerySelectorAll(".search-hit").Length == 1, TimeSpan.FromSeconds(10));

        // Assert
        Assert.Equal(2, leeHits.QuerySelectorAll(".search-hit").Length);
        var kimTexts = kimHits.QuerySelectorAll(".search-hit").Select(h => h.TextContent).ToList();
        Assert.Single(kimTexts);
        Assert.Contains("전체 안내", kimTexts[0], StringComparison.Ordinal);
        Assert.Contains("인사 안내", afterDelete.QuerySelector(".search-hit")!.TextContent, StringComparison.Ordinal);
        Assert.True(id > 0);
    }
}
