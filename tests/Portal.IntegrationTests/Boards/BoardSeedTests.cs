using System.Net;
using GatewayPortal.Boards;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Boards;

/// <summary>The demo boards and notices: written once on start, never twice, shown on the home's notice source.</summary>
public sealed class BoardSeedTests(SlapdFixture directory)
{
    [Fact]
    public async Task Seed_OnStartAndAgain_WritesDemoNoticesOnceWithPinAndAttachment()
    {
        // Arrange
        await using var portal = new PortalApplicationFactory(directory, new Dictionary<string, string?> { ["Boards:Seed:Enabled"] = "true" });
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var seeder = portal.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "BoardSeeder");

        // Act: start-up seeded once; a second run must change nothing.
        await seeder.StartAsync(TestContext.Current.CancellationToken);
        var (response, list) = await kim.GetDocumentAsync("/notices");
        IReadOnlyList<NoticeHeadline> headlines;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            headlines = await scope.ServiceProvider.GetRequiredService<INoticeHeadlines>()
                .GetForHomeAsync(new BoardViewer("kim-subject", "김민수", null, ["staff-hq"], false), 10, TestContext.Current.CancellationToken);
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, list.QuerySelectorAll(".notice-list li").Length);
        Assert.Equal(6, headlines.Count);
        Assert.True(headlines[0].IsPinned);
        Assert.Equal(1, headlines[0].AttachmentCount);
        Assert.All(headlines, h => Assert.True(h.IsUnread));
        Assert.Equal(["all", "events", "personnel", "security"], headlines.Select(h => h.BoardKey).Distinct().Order(StringComparer.Ordinal));
    }
}
