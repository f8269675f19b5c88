using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Portal.IntegrationTests.EndToEnd;
using GatewayPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.Counters;

/// <summary>The sample application pushes its own "결재 대기" count to the portal when a person opens it and when they approve.</summary>
public sealed class SampleAppCounterTests(LiveSsoEnvironment sso) : IClassFixture<LiveSsoEnvironment>
{
    [Fact]
    public async Task SampleApp_OpenThenApprove_PortalCounterFollows()
    {
        // Arrange
        var page = await sso.Portal.SignedInPageAsync("kim.minsu");
        var subject = (await sso.Portal.Services.GetRequiredService<IDirectoryService>().FindUserAsync("kim.minsu", TestContext.Current.CancellationToken))!.SubjectId;
        var reader = sso.Portal.Services.GetRequiredService<IWorkCounterReader>();
        async Task<long?> CounterAsync() =>
            (await reader.GetForSubjectAsync(subject, TestContext.Current.CancellationToken)).FirstOrDefault(c => c.ClientId == "sample-lob" && c.Key == "approvals")?.Value;

        // Act 1: opening the sample starts the person's inbox with three documents.
        await page.GotoAsync(sso.Sample.BaseAddress.ToString(), new() { Timeout = 30_000 });
        var shown = await page.Locator("#approvals-count").TextContentAsync();
        var afterOpen = await Eventually.TryUntilAsync(async () => await CounterAsync() == 3, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));

        // Act 2: approving one.
        await page.GetByRole(AriaRole.Button, new() { Name = "결재 처리" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("#approvals", StringComparison.Ordinal));
        var shownAfter = await page.Locator("#approvals-count").TextContentAsync();
        var afterApprove = await Eventually.TryUntilAsync(async () => await CounterAsync() == 2, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        var counter = (await reader.GetForSubjectAsync(subject, TestContext.Current.CancellationToken)).Single(c => c.ClientId == "sample-lob");

        // Assert
        Assert.Equal("결재 대기 문서 3건", shown);
        Assert.True(afterOpen, $"portal counter after opening: {await CounterAsync()}");
        Assert.Equal("결재 대기 문서 2건", shownAfter);
        Assert.True(afterApprove, $"portal counter after approving: {await CounterAsync()}");
        Assert.Equal(("결재 대기", new Uri(sso.Sample.BaseAddress, "/#approvals").ToString()), (counter.LabelKo, counter.Url));
    }
}
