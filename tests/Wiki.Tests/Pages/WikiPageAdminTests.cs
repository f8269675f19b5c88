using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Tests.Support;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Tests.Pages;

public sealed class WikiPageAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MoveAsync_WithRedirect_MovesHistoryAndOldTitleRedirects()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("옛 이름", "본문 [[연말정산]]");
        await host.SaveAsync("안내", "[[옛 이름]] 참고");
        await using var scope = host.Scope();
        var page = await scope.Db.WikiPages.SingleAsync(p => p.Title == "옛 이름", Ct);

        // Act
        var result = await scope.Admin.MoveAsync(page.Id, "hr", "새 이름", leaveRedirect: true, WikiTestHost.Alice, Ct);

        // Assert
        Assert.Equal(WikiAdminResult.Done, result);
        var moved = await scope.Reader.GetPageAsync("hr", "새 이름", WikiTestHost.Alice, Ct);
        Assert.Equal(page.Id, moved.Page!.PageId);
        Assert.Equal(2, (await scope.Reader.GetHistoryAsync(page.Id, WikiTestHost.Alice, cancellationToken: Ct))!.Items.Count);
        var old = await scope.Reader.GetPageAsync("", "옛 이름", WikiTestHost.Alice, Ct);
        Assert.Equal(new WikiTitle("hr", "새 이름"), old.Page!.RedirectTarget);
        // The moved page's relative link now points into its new space.
        Assert.Contains(await scope.Db.WikiLinks.Where(l => l.FromPageId == page.Id).ToListAsync(Ct), l => l.ToSpaceKey == "hr" && l.ToTitle == "연말정산");
        // Links to the old title still resolve (to the redirect page), so they stay blue.
        var html = (await scope.Renderer.RenderAsync("[[옛 이름]]", "", Ct)).Html;
        Assert.DoesNotContain("wiki-link--missing", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_OnRedirectPage_MakesItAnOrdinaryPage()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("옛 이름", "본문");
        await using (var scope = host.Scope())
        {
            var page = await scope.Db.WikiPages.SingleAsync(Ct);
            await scope.Admin.MoveAsync(page.Id, "", "새 이름", leaveRedirect: true, WikiTestHost.Alice, Ct);
        }

        await host.SaveAsync("옛 이름", "이제 별도 문서");

        await using var check = host.Scope();
        var old = await check.Reader.GetPageAsync("", "옛 이름", WikiTestHost.Alice, Ct);
        Assert.Null(old.Page!.RedirectTarget);
        Assert.Equal("이제 별도 문서", old.Page.Text);
    }

    [Fact]
    public async Task MoveAsync_OntoExistingTitle_IsRefused()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("가", "1");
        await host.SaveAsync("나", "2");
        await using var scope = host.Scope();
        var page = await scope.Db.WikiPages.SingleAsync(p => p.Title == "가", Ct);

        Assert.Equal(WikiAdminResult.TargetExists, await scope.Admin.MoveAsync(page.Id, "", "나", true, WikiTestHost.Alice, Ct));
        Assert.Equal(WikiAdminResult.InvalidTitle, await scope.Admin.MoveAsync(page.Id, "", "a#b", true, WikiTestHost.Alice, Ct));
    }

    [Fact]
    public async Task DeleteAsync_AdminOnly_HidesPageTurnsLinksRedAndRestoreBringsItBack()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("폐기 문서", "내용");
        await using var scope = host.Scope();
        var id = (await scope.Db.WikiPages.SingleAsync(Ct)).Id;

        // Act + Assert: delete
        Assert.Equal(WikiAdminResult.Forbidden, await scope.Admin.DeleteAsync(id, WikiTestHost.Alice, Ct));
        Assert.Equal(WikiAdminResult.Done, await scope.Admin.DeleteAsync(id, WikiTestHost.Admin, Ct));
        Assert.Equal(WikiLookupStatus.Deleted, (await scope.Reader.GetPageAsync("", "폐기 문서", WikiTestHost.Alice, Ct)).Status);
        Assert.True((await scope.Reader.GetPageAsync("", "폐기 문서", WikiTestHost.Admin, Ct)).Page!.IsDeleted);
        Assert.Contains("wiki-link--missing", (await scope.Renderer.RenderAsync("[[폐기 문서]]", "", Ct)).Html, StringComparison.Ordinal);
        Assert.Empty((await scope.Reader.GetRecentChangesAsync(new RecentChangesQuery(), WikiTestHost.Alice, Ct)).Items);
        Assert.IsType<WikiSaveResult.Deleted>(await scope.Editor.SaveAsync(new("", "폐기 문서", "다시", "", false, null), WikiTestHost.Alice, Ct));
        var row = await scope.Db.WikiPages.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(("admin", host.Time.GetUtcNow()), (row.DeletedBy, row.DeletedAt!.Value));

        // Act + Assert: restore
        Assert.Equal(WikiAdminResult.Done, await scope.Admin.RestoreAsync(id, WikiTestHost.Admin, Ct));
        Assert.Equal(WikiAdminResult.NoChange, await scope.Admin.RestoreAsync(id, WikiTestHost.Admin, Ct));
        Assert.Equal(WikiLookupStatus.Found, (await scope.Reader.GetPageAsync("", "폐기 문서", WikiTestHost.Alice, Ct)).Status);
    }

    [Fact]
    public async Task SetPermissionsAsync_AdminRestrictsReading_NonMembersAreRefusedAndRulesReadBack()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("인사 기밀", "내용");
        await using var scope = host.Scope();
        var id = (await scope.Db.WikiPages.SingleAsync(Ct)).Id;
        var hr = new WikiPagePermissions(["role-hr", " ROLE-HR "], []);

        // Act
        var byStaff = await scope.Admin.SetPermissionsAsync(id, hr, WikiTestHost.Alice, Ct);
        var byAdmin = await scope.Admin.SetPermissionsAsync(id, hr, WikiTestHost.Admin, Ct);
        var readBack = await scope.Admin.GetPermissionsAsync(id, WikiTestHost.Admin, Ct);
        var forStaff = await scope.Reader.GetPageAsync("", "인사 기밀", WikiTestHost.Alice, Ct);
        var forHr = await scope.Reader.GetPageAsync("", "인사 기밀", WikiTestHost.Alice with { Groups = ["role-hr"] }, Ct);
        var cleared = await scope.Admin.SetPermissionsAsync(id, new WikiPagePermissions([], []), WikiTestHost.Admin, Ct);
        var afterClear = await scope.Reader.GetPageAsync("", "인사 기밀", WikiTestHost.Alice, Ct);

        // Assert
        Assert.Equal(WikiAdminResult.Forbidden, byStaff);
        Assert.Equal(WikiAdminResult.Done, byAdmin);
        Assert.Equal(["role-hr"], readBack!.ReadGroups);
        Assert.Empty(readBack.EditGroups);
        Assert.Equal(WikiLookupStatus.Forbidden, forStaff.Status);
        Assert.Equal(WikiLookupStatus.Found, forHr.Status);
        Assert.Equal(WikiAdminResult.Done, cleared);
        Assert.Equal(WikiLookupStatus.Found, afterClear.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SetPermissionsAsync_EmptyGroupName_IsRefusedAndChangesNothing(string group)
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("문서", "내용");
        await using var scope = host.Scope();
        var id = (await scope.Db.WikiPages.SingleAsync(Ct)).Id;

        // Act
        var result = await scope.Admin.SetPermissionsAsync(id, new WikiPagePermissions(["role-hr", group], []), WikiTestHost.Admin, Ct);

        // Assert
        Assert.Equal(WikiAdminResult.InvalidGroups, result);
        Assert.Empty(await scope.Db.WikiPagePermissions.ToListAsync(Ct));
    }
    [Fact]
    public async Task MoveAsync_RestrictedPageWithRedirect_RedirectInheritsTheTargetsRestrictions()
    {
        // Arrange: a page only "hr" may read, moved by Bob (hr) leaving a redirect at the old title
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("인사 메모", "인사 담당만", WikiTestHost.Bob);
        await using var scope = host.Scope();
        var page = await scope.Db.WikiPages.SingleAsync(Ct);
        await scope.Admin.SetPermissionsAsync(page.Id, new WikiPagePermissions(["hr"], []), WikiTestHost.Admin, Ct);
        Assert.Equal(WikiAdminResult.Done, await scope.Admin.MoveAsync(page.Id, "", "감사 대상 명단", leaveRedirect: true, WikiTestHost.Bob, Ct));
        var redirect = await scope.Db.WikiPages.AsNoTracking().SingleAsync(p => p.Title == "인사 메모", Ct);

        // Act
        var view = await scope.Reader.GetPageAsync("", "인사 메모", WikiTestHost.Alice, Ct);
        var history = await scope.Reader.GetHistoryAsync(redirect.Id, WikiTestHost.Alice, cancellationToken: Ct);
        var revision = await scope.Reader.GetRevisionAsync(redirect.CurrentRevisionId!.Value, WikiTestHost.Alice, Ct);
        var recent = await scope.Reader.GetRecentChangesAsync(new RecentChangesQuery(null, null, false, null, 50), WikiTestHost.Alice, Ct);
        var edit = await scope.Editor.SaveAsync(new WikiSaveRequest("", "인사 메모", "덮어쓰기", "", false, redirect.CurrentRevisionId), WikiTestHost.Alice, Ct);
        var move = await scope.Admin.MoveAsync(redirect.Id, "", "다른 이름", leaveRedirect: false, WikiTestHost.Alice, Ct);
        var forBob = await scope.Reader.GetPageAsync("", "인사 메모", WikiTestHost.Bob, Ct);

        // Assert: nothing of the new title reaches Alice, and she cannot take over the redirect
        Assert.Equal(WikiLookupStatus.Forbidden, view.Status);
        Assert.Null(history);
        Assert.Null(revision);
        Assert.Empty(recent.Items);
        Assert.IsType<WikiSaveResult.Forbidden>(edit);
        Assert.Equal(WikiAdminResult.Forbidden, move);
        Assert.Equal(new WikiTitle("", "감사 대상 명단"), forBob.Page!.RedirectTarget);
    }

    [Fact]
    public async Task SaveAsync_RedirectToProtectedPage_IsProtectedToo()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("공지 원본", "공지");
        await using var scope = host.Scope();
        var page = await scope.Db.WikiPages.SingleAsync(Ct);
        await scope.Admin.MoveAsync(page.Id, "", "전사 공지", leaveRedirect: true, WikiTestHost.Alice, Ct);
        await scope.Admin.SetProtectedAsync(page.Id, true, WikiTestHost.Admin, Ct);
        var redirect = await scope.Db.WikiPages.AsNoTracking().SingleAsync(p => p.Title == "공지 원본", Ct);

        // Act
        var edit = await scope.Editor.SaveAsync(new WikiSaveRequest("", "공지 원본", "가짜 공지", "", false, redirect.CurrentRevisionId), WikiTestHost.Bob, Ct);

        // Assert
        Assert.IsType<WikiSaveResult.Protected>(edit);
    }
}
