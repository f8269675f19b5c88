using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Counters;

/// <summary>The registry's "업무 카운터 API 허용" checkbox grants and withdraws the counters API.</summary>
public sealed class WorkCounterAdminTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private const string Box = "Input.CountersApi";

    [Fact]
    public async Task Edit_CountersBox_ShowsEachApplicationsPermission()
    {
        // Arrange
        using var admin = await AdminAsync();

        // Act
        var (_, sample) = await admin.GetDocumentAsync("/admin/applications/sample-lob/edit");
        var (_, other) = await admin.GetDocumentAsync("/admin/applications/hr-personnel/edit");

        // Assert
        Assert.True(sample.QuerySelector("#f-CountersApi")?.HasAttribute("checked"));
        Assert.False(other.QuerySelector("#f-CountersApi")?.HasAttribute("checked"));
        Assert.Equal("업무 카운터 API 허용 (결재 대기 등 할 일 건수를 포털 홈에 표시)", sample.QuerySelector("label[for=f-CountersApi]")?.TextContent);
        Assert.DoesNotContain(WorkCounterLimits.Scope, sample.QuerySelector("#f-Scopes")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_TickCountersBox_ClientGetsCountersToken()
    {
        // Arrange
        using var admin = await AdminAsync();
        var flow = new OidcFlow(admin);
        var request = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = WorkCounterLimits.Scope };
        var (before, _) = await flow.TokenAsync(request, "batch-reporting", "BatchReporting!2026");
        var fields = await admin.GetFormFieldsAsync("/admin/applications/batch-reporting/edit", "application");
        fields[Box] = "true";

        // Act
        var response = await admin.PostFormAsync("/admin/applications/batch-reporting/edit", fields);
        var (after, _) = await flow.TokenAsync(request, "batch-reporting", "BatchReporting!2026");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, before);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found or HttpStatusCode.SeeOther, response.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task Edit_UntickCountersBox_TokenIssuedBeforeIsRefused()
    {
        // Arrange
        using var admin = await AdminAsync();
        var (_, token) = await new OidcFlow(admin).TokenAsync(
            new() { ["grant_type"] = "client_credentials", ["scope"] = WorkCounterLimits.Scope }, "sample-lob", "SampleLob!2026");
        var fields = await admin.GetFormFieldsAsync("/admin/applications/sample-lob/edit", "application");
        fields.Remove(Box);

        // Act
        await admin.PostFormAsync("/admin/applications/sample-lob/edit", fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/counters")
        {
            Content = new StringContent("""{"sub":"x","key":"k","label":"L","value":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        using var response = await admin.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        fields[Box] = "true";
        await admin.PostFormAsync("/admin/applications/sample-lob/edit", fields);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("permission_revoked", problem.GetProperty("error").GetString());
    }

    private async Task<PortalClient> AdminAsync()
    {
        var admin = portal.CreatePortalClient();
        await admin.SignInAsync(DemoAccounts.ParkJihoon.Uid, DemoAccounts.Password);
        return admin;
    }
}
