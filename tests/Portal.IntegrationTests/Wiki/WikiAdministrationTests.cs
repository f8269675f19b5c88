using System.Net;
using System.Xml.Linq;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Wiki;

/// <summary>Moving, deleting, restricting pages and the recent-changes feed, through the real host.</summary>
public sealed class WikiAdministrationTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task Move_WithRedirect_OldTitleLeadsToNewTitleWithNote()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await SaveAsync(kim, "옮기기 전", "옮길 문서");
        await SaveAsync(kim, "옮기기 링크", "[[옮기기 전]] 참고");

        // Act
        var moved = await kim.PostFormAsync(PathOf("옮기기 전") + "/move",
            new Dictionary<string, string> { ["newTitle"] = "옮긴 뒤", ["leaveRedirect"] = "true" }, PathOf("옮기기 전") + "/manage");
        var old = await kim.GetAsync(PathOf("옮기기 전"));
        var (page, document) = await kim.GetDocumentAsync(PortalClient.LocationPath(old)!);
        var (_, linking) = await kim.GetDocumentAsync(PathOf("옮기기 링크"));

        // Assert
        Assert.True(PortalClient.RedirectsTo(moved, PathOf("옮긴 뒤") + "?notice=moved"), moved.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(old, PathOf("옮긴 뒤") + "?from="), old.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("옮길 문서", document.QuerySelector(".wiki-content")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("옮기기 전", document.QuerySelector(".notice[role=note]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(linking.QuerySelector("a.wiki-link--missing"));
    }

    [Fact]
    public async Task Delete_ByStaffWithoutAdminGroup_IsRefusedAndPageStays()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await SaveAsync(kim, "지우면 안 되는 문서", "내용");

        // Act
        var response = await kim.PostFormAsync(PathOf("지우면 안 되는 문서") + "/delete", new Dictionary<string, string>(), PathOf("지우면 안 되는 문서"));
        var view = await kim.GetAsync(PathOf("지우면 안 되는 문서"));

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || PortalClient.RedirectsTo(response, "/account/access-denied"), response.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
    }

    [Fact]
    public async Task DeleteThenRestore_ByAdministrator_HidesThePageFromStaffUntilRestored()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        const string title = "삭제 시험";
        await SaveAsync(kim, title, "곧 지워질 내용");

        // Act
        var deleted = await admin.PostFormAsync(PathOf(title) + "/delete", new Dictionary<string, string>(), PathOf(title) + "/manage");
        var (hidden, notice) = await kim.GetDocumentAsync(PathOf(title));
        var restored = await admin.PostFormAsync(PathOf(title) + "/restore", new Dictionary<string, string>(), PathOf(title) + "/manage");
        var back = await kim.GetAsync(PathOf(title));

        // Assert
        Assert.True(PortalClient.RedirectsTo(deleted, PathOf(title)), deleted.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Contains("삭제되었습니다", notice.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.True(PortalClient.RedirectsTo(restored, PathOf(title) + "?notice=restored"), restored.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task Protect_ByAdministrator_StaffCannotEditButAdministratorCan()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        const string title = "보호 시험";
        await SaveAsync(kim, title, "중요한 규정");

        // Act
        var protect = await admin.PostFormAsync(PathOf(title) + "/protect", new Dictionary<string, string> { ["protect"] = "true" }, PathOf(title) + "/manage");
        var (staffEditor, staffPage) = await kim.GetDocumentAsync(PathOf(title) + "/edit");
        await SaveAsync(admin, title, "중요한 규정 (관리자 수정)");

        // Assert
        Assert.True(PortalClient.RedirectsTo(protect, PathOf(title) + "?notice=protected"), protect.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, staffEditor.StatusCode);
        Assert.Null(staffPage.QuerySelector("form.wiki-editor"));
        Assert.Contains("보호된 문서", staffPage.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedPage_ReadGroupRule_HiddenFromOthersAndFromRecentChanges()
    {
        // Arrange
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "인사 비공개 문서";
        await SaveAsync(lee, title, "인사 담당만 읽는 내용");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
            var page = await db.WikiPages.SingleAsync(p => p.Title == title, TestContext.Current.CancellationToken);
            db.WikiPagePermissions.Add(new WikiPagePermission { PageId = page.Id, Group = "role-hr", Access = WikiAccessKind.Read });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Act
        var forLee = await lee.GetAsync(PathOf(title));
        var (forKim, kimPage) = await kim.GetDocumentAsync(PathOf(title));
        var kimHistory = await kim.GetAsync(PathOf(title) + "/history");
        var kimRecent = await (await kim.GetAsync("/wiki/special/recent")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var leeRecent = await (await lee.GetAsync("/wiki/special/recent")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, forLee.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forKim.StatusCode);
        Assert.DoesNotContain("인사 담당만 읽는 내용", kimPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, kimHistory.StatusCode);
        Assert.DoesNotContain(title, kimRecent, StringComparison.Ordinal);
        Assert.Contains(title, leeRecent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Permissions_SetOnTheManagePage_RestrictReadingAndUnknownGroupsChangeNothing()
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "인사 심사 기준";
        await SaveAsync(lee, title, "심사 기준 내용");
        var manage = PathOf(title) + "/manage";

        // Act
        var typo = await admin.PostFormAsync(PathOf(title) + "/permissions",
            new Dictionary<string, string> { ["readGroups"] = "role-hr, no-such-group-xyz", ["editGroups"] = "" }, manage);
        var kimAfterTypo = await kim.GetAsync(PathOf(title));
        var saved = await admin.PostFormAsync(PathOf(title) + "/permissions",
            new Dictionary<string, string> { ["readGroups"] = "role-hr", ["editGroups"] = "role-hr" }, manage);
        var (_, managePage) = await admin.GetDocumentAsync(manage);
        var kimAfter = await kim.GetAsync(PathOf(title));
        var leeAfter = await lee.GetAsync(PathOf(title));
        var byStaff = await kim.PostFormAsync(PathOf(title) + "/permissions",
            new Dictionary<string, string> { ["readGroups"] = "", ["editGroups"] = "" }, "/wiki");

        // Assert
        Assert.True(PortalClient.RedirectsTo(typo, manage + "?error=UnknownGroup"), typo.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, kimAfterTypo.StatusCode);
        Assert.True(PortalClient.RedirectsTo(saved, manage + "?notice=permissions"), saved.Headers.Location?.ToString());
        Assert.Equal("role-hr", managePage.QuerySelector("#read-groups")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Forbidden, kimAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, leeAfter.StatusCode);
        Assert.True(PortalClient.RedirectsTo(byStaff, "/account/access-denied"), byStaff.StatusCode.ToString());
    }

    [Fact]
    public async Task RecentChanges_AtomFeed_IsWellFormedAtomWithTheLatestEdit()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await SaveAsync(kim, "피드 시험 & 따옴표", "피드에 나올 문서", "요약 & \"따옴표\" <b>");

        // Act
        var response = await kim.GetAsync("/wiki/special/recent.atom");
        var xml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var (_, page) = await kim.GetDocumentAsync("/wiki/special/recent");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(atom + "feed", feed.Name);
        var entry = feed.Elements(atom + "entry").First(e => e.Element(atom + "title")!.Value == "피드 시험 & 따옴표");
        Assert.Equal("요약 & \"따옴표\" <b>", entry.Element(atom + "summary")!.Value);
        Assert.Equal("/wiki/special/recent.atom", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task RecentChanges_HideMinorAndAuthorFilter_ListOnlyMatchingEdits()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var han = await SignedInAsync(portal, DemoAccounts.HanSeojun.Uid);
        await SaveAsync(han, "필터 시험", "한서준의 글", "한서준 요약");
        var fields = await OpenEditorAsync(kim, "필터 시험");
        fields["Input.Text"] = "한서준의 글.";
        fields["Input.Summary"] = "김민수 사소한 수정";
        fields["Input.IsMinor"] = "true";
        await PostEditorAsync(kim, "필터 시험", fields);

        // Act
        var (_, hideMinor) = await kim.GetDocumentAsync("/wiki/special/recent?hideminor=true");
        var (_, all) = await kim.GetDocumentAsync("/wiki/special/recent");
        var hanLink = all.QuerySelectorAll("table.wiki-recent tbody td a").First(a => a.TextContent == DemoAccounts.HanSeojun.DisplayName).GetAttribute("href")!;
        var (_, byHan) = await kim.GetDocumentAsync(hanLink);

        // Assert
        Assert.DoesNotContain("김민수 사소한 수정", hideMinor.QuerySelector("table.wiki-recent")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("김민수 사소한 수정", all.QuerySelector("table.wiki-recent")!.TextContent, StringComparison.Ordinal);
        Assert.All(byHan.QuerySelectorAll("table.wiki-recent tbody tr"), row => Assert.Contains(DemoAccounts.HanSeojun.DisplayName, row.TextContent, StringComparison.Ordinal));
    }
}
