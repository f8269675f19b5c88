using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>The search box's suggestions as you type in a real browser: a keyboard-usable, announced combobox.</summary>
public sealed class SearchSuggestBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    [Fact]
    public async Task SearchBox_TypingAColleaguesName_SuggestsThemAndArrowEnterOpensTheirCard()
    {
        // Arrange
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid);
        var box = page.Locator("#site-search");
        var option = page.Locator("#site-search-list [role=option]", new() { HasText = "이지영" });

        // Act: the staff directory is indexed shortly after start; type until it is offered.
        for (var attempt = 0; attempt < 20 && await option.CountAsync() == 0; attempt++)
        {
            await box.FillAsync("");
            await box.PressSequentiallyAsync("이지영", new() { Delay = 30 });
            await page.WaitForTimeoutAsync(500);
        }

        var expanded = await box.GetAttributeAsync("aria-expanded");
        var status = await page.Locator("[data-suggest-status]").InnerTextAsync();
        var axe = await page.RunAxe();
        var index = await page.Locator("#site-search-list [role=option]").AllInnerTextsAsync();
        var target = index.ToList().FindIndex(t => t.Contains("이지영", StringComparison.Ordinal));
        for (var i = 0; i <= target; i++)
        {
            await box.PressAsync("ArrowDown");
        }

        var activeId = await box.GetAttributeAsync("aria-activedescendant");
        var selected = await page.Locator("#" + activeId).GetAttributeAsync("aria-selected");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/people/lee.jiyoung", StringComparison.Ordinal));

        // Assert
        Assert.True(target >= 0, "이지영 was never suggested: " + string.Join(" | ", index));
        Assert.Equal("true", expanded);
        Assert.Contains("추천 항목", status, StringComparison.Ordinal);
        Assert.Empty(axe.Violations);
        Assert.Equal("true", selected);
        Assert.Equal("이지영", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task SearchBox_Escape_ClosesTheSuggestionsAndEnterStillSearches()
    {
        // Arrange
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid);
        var box = page.Locator("#site-search");
        var list = page.Locator("#site-search-list");
        for (var attempt = 0; attempt < 20 && !await list.IsVisibleAsync(); attempt++)
        {
            await box.FillAsync("");
            await box.PressSequentiallyAsync("회의실", new() { Delay = 30 });
            await page.WaitForTimeoutAsync(500);
        }

        var openBefore = await list.IsVisibleAsync();

        // Act
        await box.PressAsync("Escape");
        var expandedAfter = await box.GetAttributeAsync("aria-expanded");
        var openAfter = await list.IsVisibleAsync();
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/search?q=", StringComparison.Ordinal));

        // Assert
        Assert.True(openBefore);
        Assert.Equal("false", expandedAfter);
        Assert.False(openAfter);
        Assert.NotEqual(0, await page.Locator(".search-hit").CountAsync());
    }
}
