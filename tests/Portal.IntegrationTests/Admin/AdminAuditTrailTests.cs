using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using GatewayPortal.Cluster;
using GatewayPortal.Data;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Portal.Audit;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Admin;

/// <summary>
/// Every kind of administrator's change leaves exactly one admin audit row (actor, client, before/after, no secret);
/// the page filters and shows a field-by-field diff; the CSV export keeps the filters; the purge keeps the retention.
/// </summary>
public sealed class AdminAuditTrailTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private const string AdminAddress = "192.0.2.10";

    [Fact]
    public async Task ApplicationEdit_LeavesOneRowWithOldAndNewNameByTheAdministrator()
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var fields = await admin.GetFormFieldsAsync("/admin/applications/hr-training/edit", "application");
        var oldName = fields["Input.NameKo"];
        fields["Input.NameKo"] = "교육훈련 (감사 시험)";

        // Act
        var response = await admin.PostFormAsync("/admin/applications/hr-training/edit", fields);

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/admin/applications?saved=hr-training"), response.StatusCode.ToString());
        var row = Assert.Single(await RowsAsync("hr-training", AdminAuditActions.ApplicationUpdate));
        AssertByPark(row);
        Assert.Equal(AdminAuditTargets.Application, row.TargetType);
        Assert.Equal(oldName, Field(row.BeforeJson, "nameKo"));
        Assert.Equal("교육훈련 (감사 시험)", Field(row.AfterJson, "nameKo"));
    }

    [Fact]
    public async Task SecretReset_LeavesOneRowThatRecordsTheResetButNotTheSecret()
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);

        // Act
        var response = await admin.PostFormAsync("/admin/applications/batch-reporting/secret", new Dictionary<string, string> { ["_handler"] = "rotate" });
        var secret = (await PortalClient.ParseAsync(response)).QuerySelector("#new-secret")?.TextContent ?? "";

        // Assert
        Assert.Equal(43, secret.Length);
        var row = Assert.Single(await RowsAsync("batch-reporting", AdminAuditActions.ApplicationSecretReset));
        AssertByPark(row);
        Assert.Null(row.BeforeJson);
        Assert.Null(row.AfterJson);
        var everything = await AllRowsTextAsync();
        Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("BatchReporting!2026", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusChange_LeavesOneRowWithBeforeAndAfterStatus()
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var fields = await admin.GetFormFieldsAsync("/admin/applications/gis-3d/edit", "status");
        var oldStatus = fields["StatusInput.Status"];
        fields["StatusInput.Status"] = "retired";

        // Act
        var response = await admin.PostFormAsync("/admin/applications/gis-3d/edit", fields);

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/admin/applications?saved=gis-3d"), response.StatusCode.ToString());
        var row = Assert.Single(await RowsAsync("gis-3d", AdminAuditActions.ApplicationStatus));
        Assert.Equal(oldStatus, Field(row.BeforeJson, "status"));
        Assert.NotEqual("retired", oldStatus);
        Assert.Equal("retired", Field(row.AfterJson, "status"));
    }

    [Fact]
    public async Task SessionEnd_LeavesOneRowNamingThePersonWhoseSessionEnded()
    {
        // Arrange
        using var person = portal.CreatePortalClient("198.51.100.61");
        await person.SignInAsync(DemoAccounts.LeeJiyoung.Uid, DemoAccounts.Password);
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var sessions = await admin.GetDocumentUntilAsync("/admin/sessions?login=" + DemoAccounts.LeeJiyoung.Uid, p => SessionRow(p, "198.51.100.61") is not null);
        var sid = SessionRow(sessions, "198.51.100.61")!.QuerySelector("input[name=sid]")!.GetAttribute("value")!;

        // Act
        var end = await admin.PostFormAsync("/admin/sessions/end", new Dictionary<string, string> { ["sid"] = sid }, "/admin/sessions");
        var again = await admin.PostFormAsync("/admin/sessions/end", new Dictionary<string, string> { ["sid"] = sid }, "/admin/sessions");

        // Assert
        Assert.True(PortalClient.RedirectsTo(end, "/admin/sessions?ended=true"), end.Headers.Location?.ToString());
        Assert.True(PortalClient.RedirectsTo(again, "/admin/sessions?notfound=true"), again.Headers.Location?.ToString());
        var row = Assert.Single(await RowsAsync(sid, AdminAuditActions.SessionEnd));
        AssertByPark(row);
        Assert.Contains(DemoAccounts.LeeJiyoung.Uid, row.TargetName, StringComparison.Ordinal);
        Assert.Equal("198.51.100.61", Field(row.BeforeJson, "ipAddress"));
    }

    [Fact]
    public async Task CrawlSite_AddAndDisable_LeaveOneRowEach()
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var fields = await admin.GetFormFieldsAsync("/admin/search/sites/new", "site");
        fields["Input.Name"] = "감사 시험 사이트";
        fields["Input.StartUrl"] = "http://127.0.0.1:9/";
        fields["Input.PolitenessDelaySeconds"] = "0";

        // Act
        var add = await admin.PostFormAsync("/admin/search/sites/new", fields, "/admin/search/sites/new");
        var created = Assert.Single(await RowsByNameAsync("감사 시험 사이트", AdminAuditActions.CrawlSiteCreate));
        var id = await WithDbAsync(db => db.CrawlSites.Where(s => s.Key == created.TargetId).Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken));
        var disable = await admin.PostFormAsync("/admin/search/sites", new Dictionary<string, string> { ["_handler"] = "enable-" + id }, "/admin/search/sites");

        // Assert
        Assert.True(PortalClient.RedirectsTo(add, "/admin/search/sites?notice=saved"), add.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(disable, "/admin/search/sites?notice=disabled"), disable.StatusCode.ToString());
        AssertByPark(created);
        Assert.Null(created.BeforeJson);
        Assert.Equal("http://127.0.0.1:9/", Field(created.AfterJson, "startUrl"));
        var disabled = Assert.Single(await RowsAsync(created.TargetId, AdminAuditActions.CrawlSiteUpdate));
        Assert.Equal(("true", "false"), (Field(disabled.BeforeJson, "enabled"), Field(disabled.AfterJson, "enabled")));
    }

    [Fact]
    public async Task Board_CreateThenEdit_LeaveOneRowEachWithGroupsBeforeAndAfter()
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var fields = await admin.GetFormFieldsAsync("/admin/boards", "board");
        fields["key"] = "audit-board";
        fields["nameKo"] = "감사 게시판";
        fields["nameEn"] = "Audit board";
        fields["posters"] = "role-hr";

        // Act
        var create = await admin.PostFormAsync("/admin/boards", fields);
        var edit = await admin.GetFormFieldsAsync("/admin/boards/audit-board", "board");
        edit["nameKo"] = "감사 게시판 (수정)";
        edit["posters"] = "role-hr, role-sysadmin";
        var update = await admin.PostFormAsync("/admin/boards/audit-board", edit);

        // Assert
        Assert.True(PortalClient.RedirectsTo(create, "/admin/boards?saved=audit-board"), create.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(update, "/admin/boards?saved=audit-board"), update.StatusCode.ToString());
        var created = Assert.Single(await RowsAsync("audit-board", AdminAuditActions.BoardCreate));
        Assert.Null(created.BeforeJson);
        var updated = Assert.Single(await RowsAsync("audit-board", AdminAuditActions.BoardUpdate));
        AssertByPark(updated);
        Assert.Equal(("감사 게시판", "감사 게시판 (수정)"), (Field(updated.BeforeJson, "nameKo"), Field(updated.AfterJson, "nameKo")));
        Assert.Equal(("role-hr", "role-hr, role-sysadmin"), (Field(updated.BeforeJson, "posters"), Field(updated.AfterJson, "posters")));
    }

    [Fact]
    public async Task WikiPermissions_LeaveOneRowWithOldAndNewGroups_RefusedChangeLeavesNone()
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "감사 권한 시험";
        await SaveAsync(lee, title, "권한 시험 내용");
        var manage = PathOf(title) + "/manage";

        // Act
        var typo = await admin.PostFormAsync(PathOf(title) + "/permissions", new Dictionary<string, string> { ["readGroups"] = "no-such-group-xyz", ["editGroups"] = "" }, manage);
        var saved = await admin.PostFormAsync(PathOf(title) + "/permissions", new Dictionary<string, string> { ["readGroups"] = "role-hr", ["editGroups"] = " role-hr , ROLE-HR" }, manage);

        // Assert
        Assert.True(PortalClient.RedirectsTo(typo, manage + "?error=UnknownGroup"), typo.Headers.Location?.ToString());
        Assert.True(PortalClient.RedirectsTo(saved, manage + "?notice=permissions"), saved.Headers.Location?.ToString());
        var row = Assert.Single(await RowsByNameAsync(title, AdminAuditActions.WikiPermissionsUpdate));
        AssertByPark(row);
        Assert.Equal(("", "role-hr"), (Field(row.BeforeJson, "readGroups"), Field(row.AfterJson, "readGroups")));
        Assert.Equal("role-hr", Field(row.AfterJson, "editGroups"));
    }

    [Fact]
    public async Task IndexRebuild_LeavesOneRowNamingTheNode()
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var before = (await RowsAsync(null, AdminAuditActions.SearchIndexRebuild)).Count;

        // Act
        var start = await admin.PostFormAsync("/admin/search/rebuild", new Dictionary<string, string>(), "/admin/search");

        // Assert
        Assert.True(PortalClient.RedirectsTo(start, "/admin/search?started=true"), start.Headers.Location?.ToString());
        var rows = await RowsAsync(null, AdminAuditActions.SearchIndexRebuild);
        Assert.Equal(before + 1, rows.Count);
        var nodeName = portal.Services.GetRequiredService<ILeaseService>().NodeName;
        Assert.Equal(nodeName, rows[0].TargetId);
        AssertByPark(rows[0]);
    }

    [Fact]
    public async Task Page_FiltersByActionAndTarget_AndShowsFieldByFieldDiff()
    {
        // Arrange: two recorded changes of different kinds.
        var board = await RecordAsync(new(AdminAuditActions.BoardUpdate, AdminAuditTargets.Board, "page-board", "페이지 게시판",
            new { NameKo = "이전 이름", Managers = new[] { "role-hr" } }, new { NameKo = "새 이름", Managers = new[] { "role-hr" } }, "Board changed"));
        await RecordAsync(new(AdminAuditActions.CrawlSiteDelete, AdminAuditTargets.CrawlSite, "page-site", "페이지 사이트", Summary: "removed"));
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);

        // Act
        var (listResponse, list) = await admin.GetDocumentAsync("/admin/audit/changes?action=board.update&target=page-");
        var (_, other) = await admin.GetDocumentAsync("/admin/audit/changes?type=crawl-site&target=page-");
        var (detailResponse, detail) = await admin.GetDocumentAsync("/admin/audit/changes/" + board.Id);

        // Assert
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        var rows = list.QuerySelectorAll("table.data tbody tr");
        Assert.Single(rows);
        Assert.Contains("게시판 수정", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("페이지 사이트", Assert.Single(other.QuerySelectorAll("table.data tbody tr")).TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, detailResponse.StatusCode);
        var diff = detail.QuerySelectorAll("table.audit-diff tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(["nameKo", "이전 이름", "새 이름", "변경됨"], diff);
        Assert.Contains(["managers", "role-hr", "role-hr", "같음"], diff);
        Assert.Equal("/admin/audit/changes.csv?action=board.update&target=page-", list.QuerySelector("a.export")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/admin/audit/changes?from=2026-13-45", "날짜는 2026-11-23 형식으로 입력하세요.")]
    [InlineData("/admin/audit/changes?action=drop.table", "알 수 없는 작업 종류입니다.")]
    [InlineData("/admin/audit/changes?from=2026-12-02&to=2026-12-01", "시작일이 종료일보다 늦습니다.")]
    [InlineData("/admin/audit/changes.csv?to=31/12/2026", "날짜는 2026-11-23 형식으로 입력하세요.")]
    [InlineData("/admin/audit/sign-ins.csv?ip=not-an-ip", "IP 주소 형식이 올바르지 않습니다.")]
    public async Task BadFilter_Answers400WithTheKoreanMessage(string url, string message)
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);

        // Act
        var response = await admin.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFoundEntry_Answers404()
    {
        // Arrange
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);

        // Act
        var response = await admin.GetAsync("/admin/audit/changes/999999999");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CsvExport_HasBomQuotingFormulaGuardAndOnlyFilteredRows()
    {
        // Arrange
        await RecordAsync(new(AdminAuditActions.BoardUpdate, AdminAuditTargets.Board, "csv-board", "=HYPERLINK(\"http://evil\")",
            new { NameKo = "쉼표, 그리고 \"따옴표\"" }, null, "@SUM(A1)"));
        await RecordAsync(new(AdminAuditActions.SessionEnd, AdminAuditTargets.Session, "csv-session", "다른 대상"));
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);

        // Act
        var response = await admin.GetAsync("/admin/audit/changes.csv?action=board.update&target=csv-");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.StartsWith("시각(UTC),시각,관리자 식별자,관리자,", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", row, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1),", row, StringComparison.Ordinal);
        Assert.Contains(",\"{\"\"nameKo\"\":\"\"쉼표, 그리고 ", row, StringComparison.Ordinal);
        Assert.DoesNotContain("csv-session", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInCsvExport_HasBomAndTheFilteredSignIns()
    {
        // Arrange
        using var user = portal.CreatePortalClient("198.51.100.62");
        await user.SignInAsync(DemoAccounts.KimMinsu.Uid, "wrong-password");
        using var admin = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        await admin.WaitForTableRowsAsync("/admin/audit?ip=198.51.100.62", 1);

        // Act
        var response = await admin.GetAsync("/admin/audit/sign-ins.csv?ip=198.51.100.62");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains("kim.minsu", row, StringComparison.Ordinal);
        Assert.Contains(",Failed,InvalidPassword,198.51.100.62,", row, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_StaffWithoutAdminGroup_AreDenied()
    {
        // Arrange
        using var staff = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var changes = await staff.GetAsync("/admin/audit/changes.csv");
        var signIns = await staff.GetAsync("/admin/audit/sign-ins.csv");
        var page = await staff.GetAsync("/admin/audit/changes");

        // Assert
        Assert.True(PortalClient.RedirectsTo(changes, "/account/access-denied"), changes.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(signIns, "/account/access-denied"), signIns.StatusCode.ToString());
        Assert.True(PortalClient.RedirectsTo(page, "/account/access-denied"), page.StatusCode.ToString());
    }

    [Fact]
    public async Task Purge_DeletesOnlyRowsOlderThanRetentionInBatches_AndNotWhileAnotherNodeHoldsTheLease()
    {
        // Arrange: 7 old and 2 recent rows of each audit, a batch size of 3, and first another node's lease.
        var ct = TestContext.Current.CancellationToken;
        var now = DateTime.UtcNow;
        await WithDbAsync(async db =>
        {
            await db.AdminAudit.Where(e => e.TargetId.StartsWith("purge-")).ExecuteDeleteAsync(ct);
            await db.SignInAudit.Where(e => e.Login.StartsWith("purge-")).ExecuteDeleteAsync(ct);
            for (var i = 0; i < 9; i++)
            {
                var at = i < 7 ? now.AddDays(-731 - i) : now.AddDays(-729);
                db.AdminAudit.Add(new AdminAuditEntry { TimestampUtc = at, ActorSubjectId = "s", ActorName = "n", Action = "board.update", TargetType = "board", TargetId = "purge-" + i });
                db.SignInAudit.Add(new SignInAuditEntry { TimestampUtc = at, Login = "purge-" + i, Outcome = SignInOutcome.Failed });
            }

            await db.Leases.Where(l => l.Name == AuditPurgeJob.LeaseName).ExecuteDeleteAsync(ct);
            db.Leases.Add(new LeaseRow { Name = AuditPurgeJob.LeaseName, Holder = "other-node", AcquiredUtc = now, ExpiresUtc = now.AddMinutes(10) });
            return await db.SaveChangesAsync(ct);
        });
        var logs = new CountingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var job = new AuditPurgeJob(
            portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            portal.Services.GetRequiredService<ILeaseService>(),
            Options.Create(new AuditOptions { RetentionDays = 730, PurgeBatchSize = 3 }),
            TimeProvider.System,
            loggerFactory.CreateLogger<AuditPurgeJob>());

        // Act
        var whileHeld = await job.PurgeAsync(ct);
        await WithDbAsync(db => db.Leases.Where(l => l.Name == AuditPurgeJob.LeaseName).ExecuteDeleteAsync(ct));
        var purged = await job.PurgeAsync(ct);

        // Assert
        Assert.Null(whileHeld);
        Assert.NotNull(purged);
        Assert.True(purged.Value.SignIns >= 7 && purged.Value.AdminChanges >= 7, purged.ToString());
        var left = await WithDbAsync(async db => (
            await db.AdminAudit.Where(e => e.TargetId.StartsWith("purge-")).Select(e => e.TargetId).OrderBy(t => t).ToListAsync(ct),
            await db.SignInAudit.Where(e => e.Login.StartsWith("purge-")).Select(e => e.Login).OrderBy(t => t).ToListAsync(ct)));
        Assert.Equal(["purge-7", "purge-8"], left.Item1);
        Assert.Equal(["purge-7", "purge-8"], left.Item2);
        Assert.Contains(logs.Messages, m => m.Contains("admin audit rows older than 730 days", StringComparison.Ordinal));
        Assert.True(purged.Value.Batches >= 6, $"{purged.Value.Batches} batches for 14 rows in batches of 3");
    }

    private static void AssertByPark(AdminAuditEntry row)
    {
        Assert.StartsWith(DemoAccounts.ParkJihoon.Uid, row.ActorName, StringComparison.Ordinal);
        Assert.NotEqual("system", row.ActorSubjectId);
        Assert.NotEmpty(row.ActorSubjectId);
        Assert.Equal(AdminAddress, row.IpAddress);
    }

    private static string? Field(string? json, string name) =>
        AdminAuditJson.Fields(json).Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();

    private static IHtmlTableRowElement? SessionRow(IHtmlDocument page, string address) =>
        page.QuerySelectorAll("tbody tr").OfType<IHtmlTableRowElement>().FirstOrDefault(r => r.TextContent.Contains(address, StringComparison.Ordinal));

    private Task<List<AdminAuditEntry>> RowsAsync(string? targetId, string action) => WithDbAsync(db => db.AdminAudit
        .Where(e => e.Action == action && (targetId == null || e.TargetId == targetId)).OrderByDescending(e => e.Id).ToListAsync(TestContext.Current.CancellationToken));

    private Task<List<AdminAuditEntry>> RowsByNameAsync(string name, string action) => WithDbAsync(db => db.AdminAudit
        .Where(e => e.Action == action && e.TargetName == name).ToListAsync(TestContext.Current.CancellationToken));

    private async Task<string> AllRowsTextAsync() => string.Join('\n', (await WithDbAsync(db => db.AdminAudit.ToListAsync(TestContext.Current.CancellationToken)))
        .Select(e => string.Join('|', e.ActorName, e.TargetId, e.TargetName, e.BeforeJson, e.AfterJson, e.Summary)));

    private async Task<AdminAuditEntry> RecordAsync(AdminAuditEvent change)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IAdminAuditTrail>().RecordAsync(change, TestContext.Current.CancellationToken);
    }

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        using var scope = portal.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Collects log messages.</summary>
    private sealed class CountingLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(List<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (messages)
                {
                    messages.Add(formatter(state, exception));
                }
            }
        }
    }
}
