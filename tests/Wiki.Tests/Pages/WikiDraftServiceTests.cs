using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Tests.Support;

namespace GatewayPortal.Wiki.Tests.Pages;

public sealed class WikiDraftServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveDraftAsync_IsPerUserAndReplacedOnResave()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await using var scope = host.Scope();

        Assert.True(await scope.Drafts.SaveDraftAsync("", "새 문서", "초안 1", null, WikiTestHost.Alice, Ct));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await scope.Drafts.SaveDraftAsync("", "새_문서", "초안 2", null, WikiTestHost.Alice, Ct));

        var alice = await scope.Drafts.GetDraftAsync("", "새 문서", WikiTestHost.Alice, Ct);
        Assert.Equal(("초안 2", host.Time.GetUtcNow()), (alice!.Text, alice.UpdatedAt));
        Assert.Null(await scope.Drafts.GetDraftAsync("", "새 문서", WikiTestHost.Bob, Ct));
        Assert.False(await scope.Drafts.SaveDraftAsync("", "a|b", "x", null, WikiTestHost.Alice, Ct));
    }

    [Fact]
    public async Task SaveAsync_SuccessfulSave_RemovesAuthorsDraftOnly()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await using (var scope = host.Scope())
        {
            await scope.Drafts.SaveDraftAsync("", "문서", "앨리스 초안", null, WikiTestHost.Alice, Ct);
            await scope.Drafts.SaveDraftAsync("", "문서", "밥 초안", null, WikiTestHost.Bob, Ct);
        }

        await host.SaveAsync("문서", "저장된 본문", WikiTestHost.Alice);

        await using var check = host.Scope();
        Assert.Null(await check.Drafts.GetDraftAsync("", "문서", WikiTestHost.Alice, Ct));
        Assert.NotNull(await check.Drafts.GetDraftAsync("", "문서", WikiTestHost.Bob, Ct));
        await check.Drafts.DeleteDraftAsync("", "문서", WikiTestHost.Bob, Ct);
        Assert.Null(await check.Drafts.GetDraftAsync("", "문서", WikiTestHost.Bob, Ct));
    }
}
