using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Boards;

/// <summary>The administrators' board page: groups checked against the real directory, typed values kept, non-admins refused.</summary>
public sealed class BoardAdminTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task Create_UnknownGroup_MessageOnFormWithValuesKept()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var fields = await park.GetFormFieldsAsync("/admin/boards", "board");
        fields["key"] = "safety";
        fields["nameKo"] = "안전";
        fields["nameEn"] = "Safety";
        fields["posters"] = "role-hr, no-such-group";

        // Act
        var response = await park.PostFormAsync("/admin/boards", fields);
        var page = await PortalClient.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("‘no-such-group’ 그룹이 디렉터리에 없습니다.", page.QuerySelector("#board-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("안전", page.QuerySelector("input[name=nameKo]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Create_ValidBoard_ListedAndPosterMayPost()
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        var fields = await park.GetFormFieldsAsync("/admin/boards", "board");
        fields["key"] = "welfare";
        fields["nameKo"] = "복지";
        fields["nameEn"] = "Welfare";
        fields["posters"] = "role-hr";

        // Act
        var response = await park.PostFormAsync("/admin/boards", fields);
        var (_, list) = await park.GetDocumentAsync("/admin/boards");
        var leeForm = await lee.GetAsync("/notices/welfare/new");

        // Assert
        Assert.True(PortalClient.RedirectsTo(response, "/admin/boards?saved=welfare"), $"{(int)response.StatusCode}");
        Assert.Contains("복지", list.QuerySelector("table.data")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, leeForm.StatusCode);
    }

    [Theory]
    [InlineData("all")] // reserved
    [InlineData("dept-x1")] // department boards come from the org chart
    [InlineData("한글")] // not a URL key
    public async Task Create_ReservedOrInvalidKey_Refused(string key)
    {
        // Arrange
        using var park = await SignedInAsync(portal, DemoAccounts.ParkJihoon.Uid);
        var fields = await park.GetFormFieldsAsync("/admin/boards", "board");
        fields["key"] = key;
        fields["nameKo"] = "시험";
        fields["nameEn"] = "Test";

        // Act
        var response = await park.PostFormAsync("/admin/boards", fields);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Page_NonAdministrator_Refused()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var response = await kim.GetAsync("/admin/boards");

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || PortalClient.RedirectsTo(response, "/account/access-denied"), $"{(int)response.StatusCode}");
    }
}
