using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Tests.Support;

namespace GatewayPortal.Wiki.Tests.Pages;

/// <summary>The list of pages (issue 16: there was no list of pages, by space or by recent edit).</summary>
public sealed class WikiPageListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<WikiTestHost> HostWithPagesAsync()
    {
        var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("다람쥐", "1");
        await host.SaveAsync("가방", "1");
        await host.SaveAsync("급여", "1", WikiTestHost.Bob, space: "hr");
        await host.SaveAsync("나무", "1");
        await host.SaveAsync("다람쥐", "2");
        return host;
    }

    [Fact]
    public async Task ListAsync_ByTitle_OrdersBySpaceThenTitleAndPages()
    {
        // Arrange
        await using var host = await HostWithPagesAsync();
        await using var scope = host.Scope();

        // Act
        var first = await scope.Pages.ListAsync(new WikiPageListQuery(Limit: 2), WikiTestHost.Alice, Ct);
        var second = await scope.Pages.ListAsync(new WikiPageListQuery(After: first.NextCursor, Limit: 2), WikiTestHost.Alice, Ct);

        // Assert
        Assert.Equal(["가방", "나무"], first.Items.Select(i => i.Title.FullName));
        Assert.Equal(["다람쥐", "hr:급여"], second.Items.Select(i => i.Title.FullName));
        Assert.Null(second.NextCursor);
        Assert.Equal(2, second.Items[0].Revision.Number);
    }

    [Fact]
    public async Task ListAsync_ByRecentEdit_NewestEditFirst()
    {
        // Arrange
        await using var host = await HostWithPagesAsync();
        await using var scope = host.Scope();

        // Act
        var first = await scope.Pages.ListAsync(new WikiPageListQuery(Order: WikiPageListOrder.Recent, Limit: 3), WikiTestHost.Alice, Ct);
        var rest = await scope.Pages.ListAsync(new WikiPageListQuery(Order: WikiPageListOrder.Recent, After: first.NextCursor, Limit: 3), WikiTestHost.Alice, Ct);

        // Assert
        Assert.Equal(["다람쥐", "나무", "hr:급여"], first.Items.Select(i => i.Title.FullName));
        Assert.Equal(["가방"], rest.Items.Select(i => i.Title.FullName));
    }

    [Fact]
    public async Task ListAsync_OneSpace_LeavesOutOtherSpacesAndDeletedPages()
    {
        // Arrange
        await using var host = await HostWithPagesAsync();
        await using var scope = host.Scope();
        var nameless = await scope.Reader.GetPageAsync("", "나무", WikiTestHost.Alice, Ct);
        await scope.Admin.DeleteAsync(nameless.Page!.PageId, WikiTestHost.Admin, Ct);

        // Act
        var main = await scope.Pages.ListAsync(new WikiPageListQuery(Space: ""), WikiTestHost.Alice, Ct);
        var hr = await scope.Pages.ListAsync(new WikiPageListQuery(Space: "hr"), WikiTestHost.Alice, Ct);
        var spaces = await scope.Pages.GetSpacesAsync(Ct);

        // Assert
        Assert.Equal(["가방", "다람쥐"], main.Items.Select(i => i.Title.FullName));
        Assert.Equal(["hr:급여"], hr.Items.Select(i => i.Title.FullName));
        Assert.Equal(["", "hr"], spaces);
    }
}
