using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Tests.Support;
using GatewayPortal.Wiki.Text;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Tests.Pages;

public sealed class WikiEditorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WikiSaveRequest Request(string title, string text, long? baseRevision, string space = "") =>
        new(space, title, text, "요약", false, baseRevision);

    [Fact]
    public async Task SaveAsync_NewPage_WritesPageRevisionAndLinksTogether()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await using var scope = host.Scope();

        // Act
        var result = await scope.Editor.SaveAsync(Request("민원 안내", "안내문\r\n[[신청서]] [[hr:급여]]\r\n\r\n", null), WikiTestHost.Alice, Ct);

        // Assert
        var saved = Assert.IsType<WikiSaveResult.Saved>(result);
        var page = await scope.Db.WikiPages.SingleAsync(Ct);
        var revision = await scope.Db.WikiRevisions.SingleAsync(Ct);
        Assert.Equal(("", "민원 안내", "민원_안내", revision.Id), (page.SpaceKey, page.Title, page.Slug, page.CurrentRevisionId!.Value));
        Assert.Equal(saved.Revision.Id, revision.Id);
        Assert.Equal("안내문\n[[신청서]] [[hr:급여]]", revision.Text);
        Assert.Equal(WikiText.Utf8Size(revision.Text), revision.Size);
        Assert.Equal(revision.Size, revision.SizeDelta);
        Assert.Equal(("alice", "김민지", host.Time.GetUtcNow()), (revision.AuthorSubject, revision.AuthorName, revision.CreatedAt));
        Assert.Equal(
            [("", "신청서"), ("hr", "급여")],
            (await scope.Db.WikiLinks.OrderBy(l => l.ToSpaceKey).ToListAsync(Ct)).Select(l => (l.ToSpaceKey, l.ToTitle)));
    }

    [Fact]
    public async Task SaveAsync_SecondEdit_ChainsRevisionsAndReplacesLinks()
    {
        await using var host = await WikiTestHost.CreateAsync();
        var first = await host.SaveAsync("문서", "[[가]] [[나]]");

        var second = await host.SaveAsync("문서", "[[나]] [[다]]");

        await using var scope = host.Scope();
        var revision = await scope.Db.WikiRevisions.SingleAsync(r => r.Id == second, Ct);
        Assert.Equal(first, revision.ParentRevisionId);
        Assert.Equal(["나", "다"], await scope.Db.WikiLinks.Select(l => l.ToTitle).OrderBy(t => t).ToListAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_LinksWithQuotesBackslashesAndAstralCharacters_StoresEachTitleExactly()
    {
        // Arrange: the new link rows travel to the database as one JSON parameter
        await using var host = await WikiTestHost.CreateAsync();
        string[] titles = ["따옴표 \"안\"", "역슬래시 \\ 끝", "그림 😀", "작은 '따옴표'", "퍼센트 %20 & 기호"];

        // Act
        await host.SaveAsync("문서", string.Join('\n', titles.Select(t => "[[" + t + "]]")));
        await host.SaveAsync("문서", string.Join('\n', titles.Skip(1).Select(t => "[[" + t + "]]")) + "\n[[hr:급여]]");

        // Assert
        await using var scope = host.Scope();
        Assert.Equal(
            titles.Skip(1).Select(t => ("", t)).Append(("hr", "급여")).Order(),
            (await scope.Db.WikiLinks.ToListAsync(Ct)).Select(l => (l.ToSpaceKey, l.ToTitle)).Order());
    }

    [Fact]
    public async Task SaveAsync_StaleBaseWithDisjointEdits_MergesAndNotesIt()
    {
        // Arrange: both open r1; Bob saves first
        await using var host = await WikiTestHost.CreateAsync();
        var r1 = await host.SaveAsync("회의록", "제목\n본문\n\n담당: 총무과");
        await using (var bobScope = host.Scope())
        {
            await bobScope.Editor.SaveAsync(Request("회의록", "제목\n본문\n\n담당: 정보통신과", r1), WikiTestHost.Bob, Ct);
        }

        // Act
        await using var scope = host.Scope();
        var result = await scope.Editor.SaveAsync(Request("회의록", "새 제목\n본문\n\n담당: 총무과", r1), WikiTestHost.Alice, Ct);

        // Assert
        var merged = Assert.IsType<WikiSaveResult.Merged>(result);
        var page = await scope.Reader.GetPageAsync("", "회의록", WikiTestHost.Alice, Ct);
        Assert.Equal("새 제목\n본문\n\n담당: 정보통신과", page.Page!.Text);
        Assert.Equal(merged.Revision.Id, page.Page.Revision.Id);
        Assert.EndsWith(new WikiOptions().MergedSummarySuffix, merged.Revision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_StaleBaseWithOverlappingEdits_ConflictsAndKeepsUserText()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        var r1 = await host.SaveAsync("회의록", "가\n나\n다");
        var r2 = await host.SaveAsync("회의록", "가\n나(밥)\n다", WikiTestHost.Bob);

        // Act
        await using var scope = host.Scope();
        var result = await scope.Editor.SaveAsync(Request("회의록", "가\n나(앨리스)\n다", r1), WikiTestHost.Alice, Ct);

        // Assert
        var conflict = Assert.IsType<WikiSaveResult.Conflict>(result);
        Assert.Equal("가\n나(앨리스)\n다", conflict.UserText);
        Assert.Equal(r2, conflict.CurrentRevisionId);
        Assert.Equal(["나(앨리스)"], Assert.Single(conflict.Conflicts).MineLines);
        Assert.Equal(2, await scope.Db.WikiRevisions.CountAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_SameText_IsNoChange()
    {
        await using var host = await WikiTestHost.CreateAsync();
        var r1 = await host.SaveAsync("문서", "내용");

        await using var scope = host.Scope();
        var result = await scope.Editor.SaveAsync(Request("문서", "내용\n\n", r1), WikiTestHost.Alice, Ct);

        Assert.IsType<WikiSaveResult.NoChange>(result);
        Assert.Equal(1, await scope.Db.WikiRevisions.CountAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_OverTwoMebibytesOfUtf8_IsTooLarge()
    {
        // Arrange: 700,000 Hangul syllables = 2.1 MB of UTF-8 although only 700,000 chars
        await using var host = await WikiTestHost.CreateAsync();
        await using var scope = host.Scope();

        // Act
        var result = await scope.Editor.SaveAsync(Request("큰 문서", new string('가', 700_000), null), WikiTestHost.Alice, Ct);

        // Assert
        var tooLarge = Assert.IsType<WikiSaveResult.TooLarge>(result);
        Assert.Equal((2_100_000, WikiText.MaxBytes), (tooLarge.Size, tooLarge.Limit));
        Assert.False(await scope.Db.WikiPages.AnyAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_InvalidTitle_ReturnsErrorCode()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await using var scope = host.Scope();

        var result = await scope.Editor.SaveAsync(Request("a|b", "x", null), WikiTestHost.Alice, Ct);

        Assert.Equal(WikiTitleError.ForbiddenCharacter, Assert.IsType<WikiSaveResult.InvalidTitle>(result).Error);
    }

    [Fact]
    public async Task SaveAsync_SpaceEditRestricted_ForbidsNonMembersAllowsMembers()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await using (var setup = host.Scope())
        {
            setup.Db.WikiPagePermissions.Add(new WikiPagePermission { SpaceKey = "hr", Group = "hr", Access = WikiAccessKind.Edit });
            await setup.Db.SaveChangesAsync(Ct);
        }

        // Act
        await using var scope = host.Scope();
        var alice = await scope.Editor.SaveAsync(Request("급여", "x", null, "hr"), WikiTestHost.Alice, Ct);
        var bob = await scope.Editor.SaveAsync(Request("급여", "x", null, "hr"), WikiTestHost.Bob, Ct);

        // Assert
        Assert.IsType<WikiSaveResult.Forbidden>(alice);
        Assert.IsType<WikiSaveResult.Saved>(bob);
    }

    [Fact]
    public async Task SaveAsync_ProtectedPage_OnlyAdminsEdit()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        var r1 = await host.SaveAsync("공지", "원문");
        await using var scope = host.Scope();
        var pageId = (await scope.Db.WikiPages.SingleAsync(Ct)).Id;
        Assert.Equal(WikiAdminResult.Forbidden, await scope.Admin.SetProtectedAsync(pageId, true, WikiTestHost.Alice, Ct));
        Assert.Equal(WikiAdminResult.Done, await scope.Admin.SetProtectedAsync(pageId, true, WikiTestHost.Admin, Ct));

        // Act
        var alice = await scope.Editor.SaveAsync(Request("공지", "수정", r1), WikiTestHost.Alice, Ct);
        var admin = await scope.Editor.SaveAsync(Request("공지", "수정", r1), WikiTestHost.Admin, Ct);

        // Assert
        Assert.IsType<WikiSaveResult.Protected>(alice);
        Assert.IsType<WikiSaveResult.Saved>(admin);
    }

    [Fact]
    public async Task RevertAsync_OldRevision_CreatesNewRevisionWithOldTextAndSummary()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        var r1 = await host.SaveAsync("문서", "좋은 내용");
        await host.SaveAsync("문서", "스팸", WikiTestHost.Bob);

        // Act
        await using var scope = host.Scope();
        var result = await scope.Editor.RevertAsync(r1, WikiTestHost.Admin, Ct);
        var again = await scope.Editor.RevertAsync(r1, WikiTestHost.Admin, Ct);

        // Assert
        var saved = Assert.IsType<WikiSaveResult.Saved>(result);
        Assert.Equal("김민지 님의 버전 1(으)로 되돌림", saved.Revision.Summary);
        Assert.Equal(3, saved.Revision.Number);
        Assert.Equal("admin", saved.Revision.AuthorSubject);
        Assert.Equal("좋은 내용", (await scope.Reader.GetPageAsync("", "문서", WikiTestHost.Alice, Ct)).Page!.Text);
        Assert.Equal(3, await scope.Db.WikiRevisions.CountAsync(Ct));
        Assert.IsType<WikiSaveResult.NoChange>(again);
    }
    [Fact]
    public async Task SaveAsync_CreateWhileSomeoneElseCreatedThePage_ConflictsAndLosesNoText()
    {
        // Arrange: both open the missing page; Bob saves first
        await using var host = await WikiTestHost.CreateAsync();
        var bob = await host.SaveAsync("새 문서", "밥의 첫 줄\n밥의 둘째 줄", WikiTestHost.Bob);

        // Act
        await using var scope = host.Scope();
        var result = await scope.Editor.SaveAsync(Request("새 문서", "앨리스의 글", null), WikiTestHost.Alice, Ct);

        // Assert: nothing merged against an empty base; Alice gets her text back, Bob's stays current
        var conflict = Assert.IsType<WikiSaveResult.Conflict>(result);
        Assert.Equal("앨리스의 글", conflict.UserText);
        Assert.Equal(bob, conflict.CurrentRevisionId);
        Assert.Equal(["앨리스의 글"], Assert.Single(conflict.Conflicts).MineLines);
        Assert.Equal("밥의 첫 줄\n밥의 둘째 줄", (await scope.Reader.GetPageAsync("", "새 문서", WikiTestHost.Alice, Ct)).Page!.Text);
        Assert.Equal(1, await scope.Db.WikiRevisions.CountAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_BaseRevisionOfAnotherPage_ConflictsInsteadOfMergingAgainstNothing()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        var other = await host.SaveAsync("다른 문서", "다른 내용");
        await host.SaveAsync("문서", "첫 줄\n둘째 줄");
        var current = await host.SaveAsync("문서", "첫 줄\n둘째 줄\n셋째 줄", WikiTestHost.Bob);

        // Act
        await using var scope = host.Scope();
        var result = await scope.Editor.SaveAsync(Request("문서", "완전히 새 글", other), WikiTestHost.Alice, Ct);
        var missing = await scope.Editor.SaveAsync(Request("문서", "완전히 새 글", 9_999), WikiTestHost.Alice, Ct);

        // Assert
        Assert.Equal(current, Assert.IsType<WikiSaveResult.Conflict>(result).CurrentRevisionId);
        Assert.Equal("완전히 새 글", Assert.IsType<WikiSaveResult.Conflict>(missing).UserText);
        Assert.Equal("첫 줄\n둘째 줄\n셋째 줄", (await scope.Reader.GetPageAsync("", "문서", WikiTestHost.Alice, Ct)).Page!.Text);
    }

    [Fact]
    public async Task SaveAsync_MoreDistinctLinksThanTheCap_IsRefusedNamingTheLimit()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await using var scope = host.Scope();
        var text = string.Join(' ', Enumerable.Range(0, WikiLinkLimits.MaxLinksPerPage + 1).Select(i => $"[[문서{i}]]"));

        // Act
        var result = await scope.Editor.SaveAsync(Request("링크 많은 문서", text, null), WikiTestHost.Alice, Ct);

        // Assert
        var refused = Assert.IsType<WikiSaveResult.TooManyLinks>(result);
        Assert.Equal((WikiLinkLimits.MaxLinksPerPage + 1, WikiLinkLimits.MaxLinksPerPage), (refused.Count, refused.Limit));
        Assert.Equal(0, await scope.Db.WikiPages.CountAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_MarkdownNestedPastTheParserDepth_IsRefusedAndNothingIsWritten()
    {
        // Arrange: 300 nested block quotes, past Markdig's depth limit of 128
        await using var host = await WikiTestHost.CreateAsync();
        await using var scope = host.Scope();

        // Act
        var result = await scope.Editor.SaveAsync(Request("깊은 문서", new string('>', 300) + " 깊다", null), WikiTestHost.Alice, Ct);

        // Assert
        Assert.Equal(WikiContentLimit.MarkdownNesting, Assert.IsType<WikiSaveResult.OverLimit>(result).Violation.Limit);
        Assert.Equal(0, await scope.Db.WikiPages.CountAsync(Ct));
    }
}
