using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>A wiki page with a table of contents, a table, links and two revisions by two people, for the accessibility checks.</summary>
public static class WikiTestPages
{
    /// <summary>The page's percent-encoded slug (접근성_시험).</summary>
    public const string AxeSlug = "%EC%A0%91%EA%B7%BC%EC%84%B1_%EC%8B%9C%ED%97%98";

    private const string Title = "접근성 시험";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Writes the page through the wiki's editor unless it exists.</summary>
    public static async Task EnsureAxePageAsync(PortalApplicationFactory portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
            if (await db.WikiPages.AnyAsync(p => p.Title == Title, TestContext.Current.CancellationToken))
            {
                return;
            }

            var editor = scope.ServiceProvider.GetRequiredService<IWikiEditor>();
            const string first = "# 접근성 시험\n\n## 개요\n\n근무 시간은 아홉 시부터입니다.\n\n## 표\n\n| 항목 | 값 |\n| --- | --- |\n| 가 | 1 |\n\n- [ ] 할 일\n- [x] 한 일\n\n[[없는 문서]]와 [[대문]]";
            var saved = await editor.SaveAsync(new WikiSaveRequest("", Title, first, "처음 만듦", false, null), new WikiActor("axe-kim", "김민수", []), TestContext.Current.CancellationToken);
            var baseId = Assert.IsType<WikiSaveResult.Saved>(saved).Revision.Id;
            var second = first.Replace("아홉", "여덟", StringComparison.Ordinal) + "\n\n덧붙인 문단";
            Assert.IsType<WikiSaveResult.Saved>(await editor.SaveAsync(new WikiSaveRequest("", Title, second, "시간 고침", false, baseId), new WikiActor("axe-lee", "이지영", []), TestContext.Current.CancellationToken));
        }
        finally
        {
            Gate.Release();
        }
    }
}
