using Deque.AxeCore.Playwright;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>The audit pages (sign-ins, administrators' changes, one change's diff) on a desk and a phone: fit, axe-clean, screenshots.</summary>
public sealed class AdminAuditBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(375, 812)]
    public async Task AuditPages_FitTheScreenAndAreAxeClean(int width, int height)
    {
        // Arrange: an edit with a long before/after and a secret reset, recorded as the page's administrator would.
        using (var scope = portal.Services.CreateScope())
        {
            var trail = scope.ServiceProvider.GetRequiredService<IAdminAuditTrail>();
            await trail.RecordAsync(new(AdminAuditActions.ApplicationUpdate, AdminAuditTargets.Application, "hr-personnel", "인사관리",
                new { NameKo = "인사관리", DescriptionKo = "인사 기록과 발령을 관리합니다.", AllowedGroups = new[] { "role-hr" }, LaunchUrl = "https://hr.city.example/very/long/path/that/should/wrap/on/a/phone" },
                new { NameKo = "인사관리 시스템", DescriptionKo = "인사 기록, 발령, 경력을 관리합니다.", AllowedGroups = new[] { "role-hr", "role-sysadmin" }, LaunchUrl = "https://hr.city.example/very/long/path/that/should/wrap/on/a/phone" },
                "Application updated"), TestContext.Current.CancellationToken);
            await trail.RecordAsync(new(AdminAuditActions.ApplicationSecretReset, AdminAuditTargets.Application, "batch-reporting", "통계 배치",
                Summary: "Client secret reset; the previous secret stopped working"), TestContext.Current.CancellationToken);
        }

        var page = await portal.SignedInPageAsync(DemoAccounts.ParkJihoon.Uid, width, height);
        var problems = new List<string>();

        // Act
        problems.AddRange(await CheckAsync(page, "admin-audit-sign-ins", "/admin/audit", width));
        problems.AddRange(await CheckAsync(page, "admin-audit-changes", "/admin/audit/changes", width));
        await page.Locator("table.data tbody tr", new() { HasText = "인사관리" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator("table.audit-diff").WaitForAsync();
        problems.AddRange(await CheckAsync(page, "admin-audit-change", new Uri(page.Url).PathAndQuery, width));
        var changedRows = await page.Locator("table.audit-diff tbody tr.changed").CountAsync();
        await page.GotoAsync("/admin/audit/changes?from=2026-99-01");
        var error = await page.Locator("[role=alert]").TextContentAsync();

        // Assert
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems));
        Assert.Equal(3, changedRows);
        Assert.Contains("날짜는 2026-11-23 형식으로 입력하세요.", error, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static async Task<List<string>> CheckAsync(IPage page, string name, string path, int width)
    {
        var problems = new List<string>();
        var label = $"{name} ({path}) at {width}";
        var response = await page.GotoAsync(path);
        if ((response?.Status ?? 0) >= 400)
        {
            problems.Add($"{label}: HTTP {response?.Status}");
        }

        problems.AddRange((await PhoneLayout.ProblemsAsync(page)).Select(p => $"{label}: {p}"));
        var axe = await page.RunAxe();
        problems.AddRange(axe.Violations.Select(v => $"{label}: axe {v.Id}: {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, $"{name}-{width}.png"), FullPage = true });
        return problems;
    }
}
