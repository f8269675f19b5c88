using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Search;

/// <summary>The index admin page: state, counts per source and a background rebuild, for administrators only.</summary>
public sealed class SearchIndexAdminTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task Rebuild_ByAdministrator_RunsInTheBackgroundAndCountsEverySource()
    {
        // Arrange
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);

        // Act
        var start = await admin.PostFormAsync("/admin/search/rebuild", new Dictionary<string, string>(), "/admin/search");
        var page = await admin.GetDocumentUntilAsync("/admin/search",
            p => p.QuerySelector("progress") is null && Sources(p).Contains("person"), TimeSpan.FromSeconds(20));

        // Assert
        Assert.True(PortalClient.RedirectsTo(start, "/admin/search?started=true") || PortalClient.RedirectsTo(start, "/admin/search?busy=true"),
            start.Headers.Location?.ToString());
        Assert.Null(page.QuerySelector("progress"));
        Assert.Contains("application", Sources(page));
        Assert.Contains("person", Sources(page));
        Assert.NotNull(page.QuerySelector("form[action='/admin/search/rebuild'] input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task SearchAdmin_StaffWithoutAdminGroup_IsDenied()
    {
        using var person = portal.CreatePortalClient();
        await person.SignInAsync("kim.minsu", DemoAccounts.Password);

        var page = await person.GetAsync("/admin/search");
        var rebuild = await person.PostFormAsync("/admin/search/rebuild", new Dictionary<string, string>(), "/");

        Assert.True(PortalClient.RedirectsTo(page, "/account/access-denied"), page.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(rebuild, "/account/access-denied"), rebuild.StatusCode.ToString());
    }

    private static List<string> Sources(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.data tbody tr td:first-child").Select(td => td.TextContent)];
}
