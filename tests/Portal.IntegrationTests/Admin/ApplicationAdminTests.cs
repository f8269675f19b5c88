using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Admin;

/// <summary>The application registry pages through the real host and slapd (groups checked over LDAP): access, search, edit, status, secrets, export and import.</summary>
public sealed class ApplicationAdminTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Theory]
    [InlineData("/admin/applications")]
    [InlineData("/admin/applications/hr-personnel/edit")]
    [InlineData("/admin/applications/batch-reporting/secret")]
    [InlineData("/admin/applications/export.csv")]
    public async Task AdminPages_StaffWithoutAdminGroup_AreDenied(string path)
    {
        // Arrange
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("kim.minsu", DemoAccounts.Password);

        // Act
        var response = await client.GetAsync(path);

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || PortalClient.RedirectsTo(response, "/account/access-denied"), response.StatusCode.ToString());
    }

    [Fact]
    public async Task List_SearchInKorean_ShowsMatchingApplicationsWithStatusText()
    {
        // Arrange
        using var admin = await AdminAsync();

        // Act
        var (response, page) = await admin.GetDocumentAsync("/admin/applications?q=" + Uri.EscapeDataString("인사"));
        var (_, maintenance) = await admin.GetDocumentAsync("/admin/applications?status=Maintenance");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = page.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent).ToList();
        Assert.Contains("인사관리", names);
        Assert.All(names, n => Assert.Contains("인사", n, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("table caption"));
        Assert.All(maintenance.QuerySelectorAll("tbody tr td:nth-child(4)"), td => Assert.Contains("점검 중", td.TextContent, StringComparison.Ordinal));
        // 건강검진 예약's maintenance ended on 2026-12-01: it is in service, so the maintenance filter leaves it out.
        Assert.DoesNotContain(maintenance.QuerySelectorAll("tbody td code"), c => c.TextContent == "hr-health");
    }

    [Fact]
    public async Task Edit_NewName_SavedAndShownInPermittedUsersLauncher()
    {
        // Arrange
        using var admin = await AdminAsync();
        var fields = await FormFieldsAsync(admin, "/admin/applications/hr-performance/edit", "application");
        fields["Input.NameKo"] = "성과관리 (개편)";

        // Act
        var response = await admin.PostFormAsync("/admin/applications/hr-performance/edit", fields);
        using var staff = portal.CreatePortalClient();
        await staff.SignInAsync("kim.minsu", DemoAccounts.Password);
        var launcher = await (await staff.GetAsync("/apps")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/admin/applications?saved=hr-performance"), response.StatusCode.ToString());
        Assert.Contains("성과관리 (개편)", launcher, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_UnknownGroupAndMissingName_ShowsLocalizedErrorsAndKeepsTheApplication()
    {
        // Arrange
        using var admin = await AdminAsync();
        var fields = await FormFieldsAsync(admin, "/admin/applications/finance-expense/edit", "application");
        fields["Input.AllowedGroups"] = "staff-all\nno-such-group";
        fields["Input.NameKo"] = "";

        // Act
        var response = await admin.PostFormAsync("/admin/applications/finance-expense/edit", fields);
        var page = await PortalClient.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = page.QuerySelector("#form-errors[role=alert]")?.TextContent ?? "";
        Assert.Contains("디렉터리에 없는 그룹입니다: no-such-group", summary, StringComparison.Ordinal);
        Assert.Contains("이름 (한국어): 필수 항목입니다.", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#f-AllowedGroups[aria-invalid=true]"));
        var (_, again) = await admin.GetDocumentAsync("/admin/applications/finance-expense/edit");
        Assert.Equal("업무추진비 관리", again.QuerySelector("#f-NameKo")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Edit_TokenOptions_SavedAndABadAlgorithmGetsANamedMessage()
    {
        // Arrange
        using var admin = await AdminAsync();
        var fields = await FormFieldsAsync(admin, "/admin/applications/hr-performance/edit", "application");
        var bad = new Dictionary<string, string>(fields) { ["Input.IdTokenSignedResponseAlg"] = "HS256" };
        fields["Input.IdTokenSignedResponseAlg"] = "RS256";
        fields["Input.EncryptAccessTokens"] = "true";

        // Act
        var refused = await admin.PostFormAsync("/admin/applications/hr-performance/edit", bad);
        var refusedPage = await PortalClient.ParseAsync(refused);
        var saved = await admin.PostFormAsync("/admin/applications/hr-performance/edit", fields);
        var (_, again) = await admin.GetDocumentAsync("/admin/applications/hr-performance/edit");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var summary = refusedPage.QuerySelector("#form-errors[role=alert]")?.TextContent ?? "";
        Assert.Contains("토큰 서명 알고리즘: ES256 또는 RS256 중 하나를 골라야 합니다.", summary, StringComparison.Ordinal);
        Assert.True(PortalClient.RedirectsTo(saved, "/admin/applications?saved=hr-performance"), saved.StatusCode.ToString());
        Assert.Equal("RS256", again.QuerySelector("#f-IdTokenSignedResponseAlg option[selected]")?.GetAttribute("value"));
        Assert.NotNull(again.QuerySelector("#f-EncryptAccessTokens[checked]"));
    }

    [Fact]
    public async Task Status_Retired_DisappearsFromLaunchers()
    {
        // Arrange
        using var staff = portal.CreatePortalClient();
        await staff.SignInAsync("kim.minsu", DemoAccounts.Password);
        var before = await (await staff.GetAsync("/apps")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var admin = await AdminAsync();
        var fields = await FormFieldsAsync(admin, "/admin/applications/finance-card/edit", "status");
        fields["StatusInput.Status"] = "retired";

        // Act
        var response = await admin.PostFormAsync("/admin/applications/finance-card/edit", fields);
        var after = await (await staff.GetAsync("/apps")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var launch = await staff.GetAsync("/launch/finance-card");

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/admin/applications?saved=finance-card"), response.StatusCode.ToString());
        Assert.Contains("법인카드 정산", before, StringComparison.Ordinal);
        Assert.DoesNotContain("법인카드 정산", after, StringComparison.Ordinal);
        Assert.True(PortalClient.RedirectsTo(launch, "/apps/finance-card/denied"));
    }

    [Fact]
    public async Task Status_MaintenanceWithoutNotice_IsRefusedWithError()
    {
        // Arrange
        using var admin = await AdminAsync();
        var fields = await FormFieldsAsync(admin, "/admin/applications/hr-benefits/edit", "status");
        fields["StatusInput.Status"] = "maintenance";

        // Act
        var response = await admin.PostFormAsync("/admin/applications/hr-benefits/edit", fields);
        var page = await PortalClient.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("점검 안내 (한국어): 필수 항목입니다.", page.QuerySelector("#status-errors[role=alert]")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("archived")]
    [InlineData("Retired")]
    [InlineData("2")]
    public async Task Status_NotACatalogueValue_IsRefusedWith400AndKeepsTheStatus(string value)
    {
        // Arrange
        using var admin = await AdminAsync();
        var fields = await FormFieldsAsync(admin, "/admin/applications/gis-3d/edit", "status");
        fields["StatusInput.Status"] = value;

        // Act
        var response = await admin.PostFormAsync("/admin/applications/gis-3d/edit", fields);
        var page = await PortalClient.ParseAsync(response);
        var (_, again) = await admin.GetDocumentAsync("/admin/applications/gis-3d/edit");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("알 수 없는 상태 값입니다.", page.QuerySelector("#status-errors[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("점검 중", again.QuerySelector("#status-title + p")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownClientType_IsRefusedWith400AndNothingIsRegistered()
    {
        // Arrange
        using var admin = await AdminAsync();
        var fields = await FormFieldsAsync(admin, "/admin/applications/new", "application");
        fields["Input.ClientId"] = "spa-client";
        fields["Input.NameKo"] = "단일 페이지 앱";
        fields["Input.NameEn"] = "Single-page app";
        fields["Input.ClientType"] = "spa";

        // Act
        var response = await admin.PostFormAsync("/admin/applications/new", fields);
        var page = await PortalClient.ParseAsync(response);
        var edit = await admin.GetAsync("/admin/applications/spa-client/edit");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("클라이언트 유형: \"spa\" must be confidential or public.", page.QuerySelector("#form-errors[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Fact]
    public async Task Edit_PublicClient_ShowsItsClientTypeLabelAndNoSecretLink()
    {
        // Arrange
        using var admin = await AdminAsync();

        // Act
        var (response, page) = await admin.GetDocumentAsync("/admin/applications/hr-elearning/edit");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("공개 클라이언트", page.QuerySelector("#f-ClientType")?.GetAttribute("value"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#secret-link-title"));
    }

    [Fact]
    public async Task RotateSecret_NewSecretWorksAtTokenEndpointAndOldOneFails()
    {
        // Arrange
        using var admin = await AdminAsync();
        var client = new OidcFlow(admin);
        var request = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" };
        var (statusBefore, _) = await client.TokenAsync(request, "batch-reporting", "BatchReporting!2026");

        // Act
        var response = await admin.PostFormAsync("/admin/applications/batch-reporting/secret", new Dictionary<string, string> { ["_handler"] = "rotate" });
        var page = await PortalClient.ParseAsync(response);
        var secret = page.QuerySelector("#new-secret")?.TextContent ?? "";
        var (statusNew, token) = await client.TokenAsync(request, "batch-reporting", secret);
        var (statusOld, _) = await client.TokenAsync(request, "batch-reporting", "BatchReporting!2026");

        // Assert
        Assert.Equal(HttpStatusCode.OK, statusBefore);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(43, secret.Length);
        Assert.NotNull(page.QuerySelector("[role=alert]"));
        Assert.Equal(HttpStatusCode.OK, statusNew);
        Assert.True(token.TryGetProperty("access_token", out _));
        Assert.NotEqual(HttpStatusCode.OK, statusOld);
    }

    [Fact]
    public async Task Export_JsonAndCsv_HaveEveryApplicationAndNoSecrets()
    {
        // Arrange
        using var admin = await AdminAsync();

        // Act
        var json = await admin.GetAsync("/admin/applications/export.json");
        var csv = await admin.GetAsync("/admin/applications/export.csv");
        var jsonText = await json.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var csvText = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("clientId,nameKo,", csvText.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("\"clientId\": \"sample-lob\"", jsonText, StringComparison.Ordinal);
        Assert.Contains("batch-reporting,", csvText, StringComparison.Ordinal);
        foreach (var text in new[] { jsonText, csvText })
        {
            Assert.DoesNotContain("clientSecret", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SampleLob!2026", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_CsvWithOneBadRow_ShowsLineNumberedErrorAndChangesNothing()
    {
        // Arrange
        using var admin = await AdminAsync();
        var csv = (await (await admin.GetAsync("/admin/applications/export.csv")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n");
        var good = Array.FindIndex(lines, l => l.StartsWith("hr-training,", StringComparison.Ordinal));
        var bad = Array.FindIndex(lines, l => l.StartsWith("doc-archive,", StringComparison.Ordinal));
        lines[good] = lines[good].Replace("교육훈련(인재개발)", "교육훈련 (가져오기)", StringComparison.Ordinal);
        lines[bad] = lines[bad].Replace(",document,", ",paperwork,", StringComparison.Ordinal);

        // Act
        var response = await ImportAsync(admin, "applications.csv", string.Join("\r\n", lines));
        var page = await PortalClient.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = page.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ToList();
        var error = Assert.Single(errors);
        Assert.StartsWith($"{bad + 1}행 (doc-archive) 분류:", error, StringComparison.Ordinal);
        var (_, edit) = await admin.GetDocumentAsync("/admin/applications/hr-training/edit");
        Assert.Equal("교육훈련(인재개발)", edit.QuerySelector("#f-NameKo")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Import_ValidJsonWithNewClient_CreatesItAndShowsItsSecretOnce()
    {
        // Arrange
        using var admin = await AdminAsync();
        const string json = """
            {"applications": [{
              "clientId": "import-batch", "nameKo": "가져온 배치", "nameEn": "Imported batch",
              "descriptionKo": "가져오기 시험", "descriptionEn": "Import test", "category": "statistics", "icon": "chart",
              "ownerDepartment": "정보시스템과", "ownerContact": "정보시스템과 02-2133-0000",
              "grantTypes": ["client_credentials"], "scopes": ["api"]
            }]}
            """;

        // Act
        var response = await ImportAsync(admin, "new.json", json);
        var page = await PortalClient.ParseAsync(response);
        var secret = page.QuerySelector(".import code.secret")?.TextContent ?? "";
        var (status, _) = await new OidcFlow(admin).TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "api" }, "import-batch", secret);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1건 등록, 0건 수정했습니다.", page.QuerySelector(".import [role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private async Task<PortalClient> AdminAsync()
    {
        var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);
        return admin;
    }

    private static async Task<HttpResponseMessage> ImportAsync(PortalClient admin, string fileName, string content)
    {
        var token = await admin.GetAntiforgeryTokenAsync("/admin/applications");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("import"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/applications") { Content = form };
        request.Headers.Add("X-Forwarded-For", "192.0.2.10");
        return await admin.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static Task<Dictionary<string, string>> FormFieldsAsync(PortalClient client, string path, string formName) =>
        client.GetFormFieldsAsync(path, formName);
}
