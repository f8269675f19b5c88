using System.Globalization;
using GatewayPortal.Portal.Components.Pages.Admin.Crawl;
using GatewayPortal.Search.Crawling.Scheduling;

namespace GatewayPortal.Portal.Tests.Components;

public sealed class CrawlStateTextTests
{
    public static TheoryData<CrawlState, string> StatesAndCultures => new(
        Enum.GetValues<CrawlState>().SelectMany(s => new[] { (s, "ko"), (s, "en") }));

    [Theory]
    [MemberData(nameof(StatesAndCultures))]
    public void ResourceKey_EveryState_HasALabelInEveryCulture(CrawlState state, string culture)
    {
        // Arrange
        var resources = new System.Resources.ResourceManager("GatewayPortal.Portal.Resources.SharedResource", typeof(CrawlStateText).Assembly);

        // Act
        var label = resources.GetString(CrawlStateText.ResourceKey(state), CultureInfo.GetCultureInfo(culture));

        // Assert
        Assert.False(string.IsNullOrEmpty(label), $"{state} has no label in {culture}");
    }
}
