using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>The flows that write to the database, run against a real PostgreSQL instead of SQLite.</summary>
public sealed class PostgresModeTests(PostgresPortal portal) : IClassFixture<PostgresPortal>
{
    [Fact]
    public async Task SignIn_OnPostgreSql_IsAuditedRecordedAsSessionAndEndedBySignOut()
    {
        // Arrange
        using var person = portal.CreatePortalClient("198.51.100.61");
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);

        // Act
        var signIn = await person.SignInAsync("kim.minsu", DemoAccounts.Password);
        var me = await person.GetAsync("/me");
        // Audit and session rows are written in batches in the background.
        var audited = TableText(await admin.GetDocumentUntilAsync("/admin/audit?ip=198.51.100.61", p => TableText(p).Contains("kim.minsu", StringComparison.Ordinal)));
        var recorded = TableText(await admin.GetDocumentUntilAsync("/admin/sessions?login=kim.minsu", p => TableText(p).Contains("198.51.100.61", StringComparison.Ordinal)));
        await person.PostFormAsync("/authentication/logout", new Dictionary<string, string>(), "/");
        var (_, afterSignOut) = await admin.GetDocumentAsync("/admin/sessions?login=kim.minsu");

        // Assert
        Assert.True(PortalClient.RedirectsTo(signIn, "/"), signIn.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("kim.minsu", audited, StringComparison.Ordinal);
        Assert.Contains("198.51.100.61", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.61", afterSignOut.QuerySelector("tbody")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeFlow_OnPostgreSql_IssuesTokensRotatesRefreshAndRevokesOnReuse()
    {
        // Arrange
        using var browser = portal.CreatePortalClient();
        await browser.SignInAsync("kim.minsu", DemoAccounts.Password);
        var flow = new OidcFlow(browser);
        var (tokenStatus, tokens) = await flow.RedeemAsync(await flow.GetCodeAsync());
        var first = tokens.GetProperty("refresh_token").GetString()!;

        // Act
        var (rotatedStatus, rotated) = await flow.RefreshAsync(first);
        var (reuseStatus, _) = await flow.RefreshAsync(first);
        var (afterReuseStatus, _) = await flow.RefreshAsync(rotated.GetProperty("refresh_token").GetString()!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, tokenStatus);
        Assert.True(tokens.TryGetProperty("id_token", out _));
        Assert.Equal(HttpStatusCode.OK, rotatedStatus);
        Assert.Equal(HttpStatusCode.BadRequest, reuseStatus);
        Assert.Equal(HttpStatusCode.BadRequest, afterReuseStatus);
    }

    [Fact]
    public async Task RotateSecret_OnPostgreSql_NewSecretWorksAndOldOneFails()
    {
        // Arrange: the registry row and the OpenIddict client change in one PostgreSQL transaction.
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);
        var client = new OidcFlow(admin);
        var request = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" };

        // Act
        var response = await admin.PostFormAsync("/admin/applications/batch-reporting/secret", new Dictionary<string, string> { ["_handler"] = "rotate" });
        var secret = (await PortalClient.ParseAsync(response)).QuerySelector("#new-secret")?.TextContent ?? "";
        var (statusNew, _) = await client.TokenAsync(request, "batch-reporting", secret);
        var (statusOld, _) = await client.TokenAsync(request, "batch-reporting", "BatchReporting!2026");

        // Assert
        Assert.Equal(HttpStatusCode.OK, statusNew);
        Assert.NotEqual(HttpStatusCode.OK, statusOld);
    }

    [Fact]
    public async Task View_DeletedWikiPage_OnPostgreSql_AnswersItsStatusAndLeavesTheNextRequestsWorking()
    {
        // Arrange: an administrator writes a page and deletes it
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);
        using var staff = portal.CreatePortalClient();
        await staff.SignInAsync("kim.minsu", DemoAccounts.Password);
        const string path = "/wiki/PG_%EC%82%AD%EC%A0%9C_%EC%8B%9C%ED%97%98";
        var (_, editor) = await admin.GetDocumentAsync(path + "/edit");
        var fields = Wiki.WikiHttp.FormFields(editor);
        fields["Input.Text"] = "지울 문서";
        var saved = await admin.PostFormAsync(path + "/edit", fields);
        var deleted = await admin.PostFormAsync(path + "/delete", new Dictionary<string, string>(), path);

        // Act: several views, one after another, reuse the pooled contexts
        var views = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            views.Add((await admin.GetAsync(path)).StatusCode);
            views.Add((await staff.GetAsync(path)).StatusCode);
            views.Add((await staff.GetAsync("/wiki/special/recent")).StatusCode);
        }

        // Assert
        Assert.True(PortalClient.RedirectsTo(saved, path), saved.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(deleted, path), deleted.StatusCode.ToString());
        Assert.All(views.Chunk(3), v => Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK], v));
    }

    [Fact]
    public async Task Save_PageWithLinks_OnPostgreSql_WritesEveryLinkRowTheTargetsListBack()
    {
        // Arrange: a page linking to titles with quotes, a backslash, Hangul and a character outside the BMP
        using var kim = portal.CreatePortalClient();
        await kim.SignInAsync("kim.minsu", DemoAccounts.Password);
        const string source = "PG 링크 원본";
        string[] targets = ["PG 대상 \"따옴표\" \\ 😀", "PG 대상 둘", "PG 대상 '셋'"];
        var (_, editor) = await kim.GetDocumentAsync(Wiki.WikiHttp.PathOf(source) + "/edit");
        var fields = Wiki.WikiHttp.FormFields(editor);
        fields["Input.Text"] = string.Join('\n', targets.Select(t => "[[" + t + "]]"));

        // Act
        var saved = await kim.PostFormAsync(Wiki.WikiHttp.PathOf(source) + "/edit", fields);
        var listed = new List<string>();
        foreach (var target in targets)
        {
            var (_, links) = await kim.GetDocumentAsync(Wiki.WikiHttp.PathOf(target) + "/links");
            listed.Add(links.QuerySelector("ul.wiki-links")?.TextContent ?? "");
        }

        // Assert
        Assert.True(PortalClient.RedirectsTo(saved, Wiki.WikiHttp.PathOf(source)), saved.StatusCode.ToString());
        Assert.All(listed, text => Assert.Contains(source, text, StringComparison.Ordinal));
    }

    private static string TableText(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("tbody")?.TextContent ?? "";
}
