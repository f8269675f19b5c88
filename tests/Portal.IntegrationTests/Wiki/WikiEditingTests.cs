using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Wiki;

/// <summary>Writing pages through the real host: create, edit, history, compare, blame, concurrent edits, red links, revert.</summary>
public sealed class WikiEditingTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task CreateThenEdit_KoreanTitleWithSpace_RendersMarkdownAndShowsLastEditor()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "회의록 작성 안내";

        // Act
        await SaveAsync(kim, title, "# 회의록\n\n## 준비\n\n**날짜**를 적습니다.\n\n## 정리\n\n끝.", "처음 만듦");
        await SaveAsync(lee, title, "# 회의록\n\n## 준비\n\n**날짜**와 참석자를 적습니다.\n\n## 정리\n\n끝.", "참석자 추가");
        var (response, page) = await kim.GetDocumentAsync(PathOf(title) + "?notice=saved");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal("날짜", page.QuerySelector(".wiki-content strong")!.TextContent);
        Assert.Contains("참석자", page.QuerySelector(".wiki-content")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.LeeJiyoung.DisplayName, page.QuerySelector(".wiki-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["회의록", "준비", "정리"], page.QuerySelectorAll(".wiki-toc a").Select(a => a.TextContent));
        Assert.Equal("저장했습니다.", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task History_ThreeEdits_ListsEachRevisionWithAuthorSummaryAndDelta()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "역사 시험";
        await SaveAsync(kim, title, "하나", "첫 판");
        await SaveAsync(lee, title, "하나\n둘", "둘째 판");
        await SaveAsync(kim, title, "하나\n둘\n셋", "셋째 판");

        // Act
        var (response, history) = await kim.GetDocumentAsync(PathOf(title) + "/history");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = history.QuerySelectorAll("table.wiki-history tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("셋째 판", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.LeeJiyoung.DisplayName, rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("(+4)", rows[1].QuerySelector(".size")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[0].QuerySelector("input[name=new][checked]"));
        Assert.NotNull(rows[1].QuerySelector("input[name=old][checked]"));
    }

    [Fact]
    public async Task Diff_TwoOldRevisionsSideBySide_MarksTheChangedSyllableOnly()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "비교 시험";
        await SaveAsync(kim, title, "제목\n근무 시간은 아홉 시부터입니다.\n끝");
        await SaveAsync(kim, title, "제목\n근무 시간은 여덟 시부터입니다.\n끝");
        await SaveAsync(kim, title, "제목\n근무 시간은 여덟 시부터입니다.\n끝\n덧붙임");
        var revisions = await RevisionsAsync(kim, title);
        var (first, second) = (revisions[2], revisions[1]);

        // Act: compare the two OLD revisions, given newest first as the radio buttons may send them.
        var (response, diff) = await kim.GetDocumentAsync($"{PathOf(title)}/diff?old={second}&new={first}&view=side");
        var (_, inline) = await kim.GetDocumentAsync($"{PathOf(title)}/diff?old={first}&new={second}&view=inline");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = diff.QuerySelector("table.wiki-diff--side")!;
        Assert.Equal(4, table.QuerySelectorAll("thead th[scope=col]").Length);
        Assert.Equal("아홉", table.QuerySelector("del")!.TextContent);
        Assert.Equal("여덟", table.QuerySelector("ins")!.TextContent);
        Assert.DoesNotContain("덧붙임", table.TextContent, StringComparison.Ordinal);
        Assert.Equal("아홉", inline.QuerySelector("table.wiki-diff--inline del")!.TextContent);
    }

    [Fact]
    public async Task Blame_TwoAuthors_AttributesEachLineToWhoWroteIt()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "작성자 시험";
        await SaveAsync(kim, title, "김민수가 쓴 첫 줄\n김민수가 쓴 둘째 줄");
        await SaveAsync(lee, title, "김민수가 쓴 첫 줄\n이지영이 고친 둘째 줄\n이지영이 쓴 셋째 줄");

        // Act
        var (response, blame) = await kim.GetDocumentAsync(PathOf(title) + "/blame");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var authors = blame.QuerySelectorAll("table.wiki-blame tbody tr").Select(r => (r.QuerySelector(".code")!.TextContent, r.QuerySelector(".blame-author")!.TextContent)).ToList();
        Assert.Equal(
        [
            ("김민수가 쓴 첫 줄", DemoAccounts.KimMinsu.DisplayName),
            ("이지영이 고친 둘째 줄", DemoAccounts.LeeJiyoung.DisplayName),
            ("이지영이 쓴 셋째 줄", DemoAccounts.LeeJiyoung.DisplayName),
        ], authors);
    }

    [Fact]
    public async Task Save_TwoEditorsFromSameBaseOnDifferentLines_MergesBothChanges()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "병합 시험";
        await SaveAsync(kim, title, "가\n나\n다\n라\n마");
        var kimForm = await OpenEditorAsync(kim, title);
        var leeForm = await OpenEditorAsync(lee, title);
        kimForm["Input.Text"] = "가 (김민수)\n나\n다\n라\n마";
        leeForm["Input.Text"] = "가\n나\n다\n라\n마 (이지영)";

        // Act
        var first = await PostEditorAsync(kim, title, kimForm);
        var second = await PostEditorAsync(lee, title, leeForm);
        var (_, page) = await lee.GetDocumentAsync(PortalClient.LocationPath(second)!);

        // Assert
        Assert.True(PortalClient.RedirectsTo(first, PathOf(title) + "?notice=saved"));
        Assert.True(PortalClient.RedirectsTo(second, PathOf(title) + "?notice=merged"), second.StatusCode.ToString());
        Assert.Equal("가 (김민수)\n나\n다\n라\n마 (이지영)", await TextAsync(kim, title));
        Assert.Contains("자동으로 합쳐", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TwoEditorsChangeTheSameLine_SecondGets409WithTextIntactAndCanResave()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "충돌 시험";
        await SaveAsync(kim, title, "가\n나\n다");
        var kimForm = await OpenEditorAsync(kim, title);
        var leeForm = await OpenEditorAsync(lee, title);
        kimForm["Input.Text"] = "가\n나 김민수\n다";
        const string leeText = "가\n나 이지영\n다\n이지영의 긴 문단";
        leeForm["Input.Text"] = leeText;
        await PostEditorAsync(kim, title, kimForm);

        // Act
        var conflict = await PostEditorAsync(lee, title, leeForm);
        var document = await PortalClient.ParseAsync(conflict);
        var retry = FormFields(document);
        var resave = await PostEditorAsync(lee, title, retry);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(leeText, document.QuerySelector("textarea#wiki-text")!.TextContent);
        var hunk = document.QuerySelector(".wiki-conflict-table tbody tr")!;
        Assert.Equal("나", hunk.QuerySelector(".conflict-base")!.TextContent);
        Assert.Equal("나 김민수", hunk.QuerySelector(".conflict-theirs")!.TextContent);
        Assert.Contains("나 이지영", hunk.QuerySelector(".conflict-mine")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(leeForm["Input.BaseRevisionId"], retry["Input.BaseRevisionId"]);
        Assert.True(PortalClient.RedirectsTo(resave, PathOf(title)), resave.StatusCode.ToString());
        Assert.Equal(leeText, await TextAsync(kim, title));
    }

    [Fact]
    public async Task RedLink_ClickedAndSaved_CreatesTheMissingPage()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await SaveAsync(kim, "빨간 링크 시험", "[[아직 없는 문서]]를 보세요.");
        var (_, page) = await kim.GetDocumentAsync(PathOf("빨간 링크 시험"));
        var href = page.QuerySelector("a.wiki-link--missing")!.GetAttribute("href")!;

        // Act
        var redirect = await kim.GetAsync(href);
        var (editor, form) = await kim.GetDocumentAsync(PortalClient.LocationPath(redirect)!);
        var fields = FormFields(form);
        fields["Input.Text"] = "이제 있습니다.";
        var created = await PostEditorAsync(kim, "아직 없는 문서", fields);
        var (_, after) = await kim.GetDocumentAsync(PathOf("빨간 링크 시험"));

        // Assert
        Assert.Equal(PathOf("아직 없는 문서") + "/edit", PortalClient.LocationPath(redirect));
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Equal("", fields.GetValueOrDefault("Input.BaseRevisionId", ""));
        Assert.True(PortalClient.RedirectsTo(created, PathOf("아직 없는 문서")));
        Assert.Null(after.QuerySelector("a.wiki-link--missing"));
        Assert.NotNull(after.QuerySelector("a.wiki-link"));
    }

    [Fact]
    public async Task View_MissingPage_Answers404WithCreateLink()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var (response, page) = await kim.GetDocumentAsync(PathOf("정말 없는 문서"));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(page.QuerySelector("section.card a.button.primary") is not null, page.DocumentElement.OuterHtml);
        Assert.Equal(PathOf("정말 없는 문서") + "/edit", page.QuerySelector("section.card a.button.primary")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Revert_ToFirstRevision_WritesANewRevisionWithTheOldText()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "되돌리기 시험";
        await SaveAsync(kim, title, "원래 내용");
        await SaveAsync(kim, title, "망가진 내용");
        var first = (await RevisionsAsync(kim, title))[^1];

        // Act
        var response = await kim.PostFormAsync(PathOf(title) + "/revert", new Dictionary<string, string> { ["revision"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture) }, PathOf(title) + "/history");

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, PathOf(title) + "?notice=reverted"), response.StatusCode.ToString());
        Assert.Equal("원래 내용", await TextAsync(kim, title));
        Assert.Equal(3, (await RevisionsAsync(kim, title)).Count);
    }

    [Fact]
    public async Task Revert_WithoutAntiforgeryToken_IsRefused()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "토큰 시험";
        await SaveAsync(kim, title, "하나");
        await SaveAsync(kim, title, "둘");
        var first = (await RevisionsAsync(kim, title))[^1];

        // Act
        var response = await kim.PostFormAsync(PathOf(title) + "/revert", new Dictionary<string, string> { ["revision"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture) }, withToken: false);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("둘", await TextAsync(kim, title));
    }

    [Fact]
    public async Task Save_SummaryOverLimitAndEmptyText_ShowsLocalizedErrorsAndKeepsText()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "검증 시험";
        var fields = await OpenEditorAsync(kim, title);
        fields["Input.Text"] = "보존할 내용";
        fields["Input.Summary"] = new string('가', 501);

        // Act
        var response = await PostEditorAsync(kim, title, fields);
        var document = await PortalClient.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("보존할 내용", document.QuerySelector("textarea#wiki-text")!.TextContent);
        Assert.Contains("500자 이하", document.QuerySelector("#edit-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await kim.GetAsync(PathOf(title))).StatusCode);
    }
}
