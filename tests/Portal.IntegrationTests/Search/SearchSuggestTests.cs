using System.Net;
using System.Net.Http.Json;
using GatewayPortal.Portal.Endpoints;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Search;

/// <summary>Suggestions as you type (/search/suggest) through the real host: trimmed to what the person may open.</summary>
public sealed class SearchSuggestTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Suggest_PrefixOfRestrictedApplication_OfferedToMembersOnly()
    {
        // Arrange: sample-lob (민원 처리 샘플) is for staff-hq; kim.minsu is HQ staff, han.seojun a district user.
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var han = await SignedInAsync(portal, DemoAccounts.HanSeojun.Uid);

        // Act
        var member = await SuggestUntilAsync(kim, "민원 처리 샘", s => s.Items.Any(i => i.Url == "/launch/sample-lob"));
        var other = await SuggestAsync(han, "민원 처리 샘");

        // Assert
        var item = member.Items.First(i => i.Url == "/launch/sample-lob");
        Assert.Equal("민원 처리 샘플", item.Title);
        Assert.Equal("시스템", item.SourceLabel);
        Assert.DoesNotContain(other.Items, i => i.Url == "/launch/sample-lob");
    }

    [Fact]
    public async Task Suggest_NameOfAColleague_OffersTheStaffCard()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act: the staff directory is read from LDAP shortly after start. The whole name: 13 colleagues' names start
        // with 이지, more than one answer holds, and equally good matches come in index order.
        var found = await SuggestUntilAsync(kim, DemoAccounts.LeeJiyoung.DisplayName, s => s.Items.Any(i => i.Url == "/people/lee.jiyoung"));

        // Assert
        var person = found.Items.First(i => i.Url == "/people/lee.jiyoung");
        Assert.Equal("person", person.Source);
        Assert.Equal("직원", person.SourceLabel);
        Assert.True(found.Items.Count <= SearchSuggestEndpoints.Limit);
    }

    [Fact]
    public async Task Suggest_EmptyOrTooLong_AnswersNothingOrALocalizedError()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var empty = await kim.GetAsync(SearchSuggestEndpoints.Path + "?q=%20%20");
        var tooLong = await kim.GetAsync(SearchSuggestEndpoints.Path + "?q=" + new string('가', 201));

        // Assert
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Empty((await empty.Content.ReadFromJsonAsync<SuggestResponse>(TestContext.Current.CancellationToken))!.Items);
        Assert.Equal("no-store", empty.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("200자", await tooLong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_SignedOut_IsNotAnswered()
    {
        // Arrange
        using var anonymous = portal.CreatePortalClient("192.0.2.77");

        // Act
        var response = await anonymous.GetAsync(SearchSuggestEndpoints.Path + "?q=" + Uri.EscapeDataString("민원"));

        // Assert: sent to sign in, no suggestions in the body.
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("items", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static Task<SuggestResponse> SuggestAsync(PortalClient client, string prefix) =>
        SuggestUntilAsync(client, prefix, _ => true);

    private static Task<SuggestResponse> SuggestUntilAsync(PortalClient client, string prefix, Func<SuggestResponse, bool> done) =>
        client.GetJsonUntilAsync(SearchSuggestEndpoints.Path + "?q=" + Uri.EscapeDataString(prefix), done, Patience);

    private sealed record SuggestResponse(string Query, List<SuggestItem> Items);

    private sealed record SuggestItem(string Title, string Source, string SourceLabel, string Url);
}
