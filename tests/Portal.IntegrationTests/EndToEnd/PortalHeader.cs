using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>
/// The portal's header in a browser: one row with a menu disclosure (<c>details.menu</c>) holding the person's links,
/// administration, the language switch and sign-out (on a phone also the main links).
/// </summary>
public static class PortalHeader
{
    /// <summary>Opens the header menu unless it is open already.</summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var menu = page.Locator("header details.menu");
        if (await menu.GetAttributeAsync("open") is null)
        {
            await menu.Locator("> summary").ClickAsync();
        }

        await menu.Locator(".menu-panel").WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    /// <summary>Signs out through the header menu.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await OpenMenuAsync(page);
        await page.Locator("header .menu-panel").GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
    }

    /// <summary>Follows a main link (홈, 조직도 …): in the header row on a desk, in the menu on a phone.</summary>
    public static async Task FollowMainLinkAsync(IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        var inRow = page.Locator("header nav.main-nav a", new() { HasText = text });
        if (!await inRow.IsVisibleAsync())
        {
            await OpenMenuAsync(page);
            inRow = page.Locator("header nav.menu-nav a", new() { HasText = text });
        }

        await inRow.ClickAsync();
    }
}
