using System.Globalization;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Portal.Components.Pages.Admin.Applications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Tests.Components;

public sealed class ApplicationValueLabelsTests
{
    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public void Label_EveryStatusAndClientType_HasADistinctLabelInBothLanguages(string culture)
    {
        // Arrange
        using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        // Act
        var missing = Enum.GetValues<ApplicationStatus>().Where(s => localizer[ApplicationValueLabels.ResourceKey(s)].ResourceNotFound).Select(s => s.ToString())
            .Concat(Enum.GetValues<ApplicationClientType>().Where(t => localizer[ApplicationValueLabels.ResourceKey(t)].ResourceNotFound).Select(t => t.ToString()))
            .ToList();
        var statusLabels = Enum.GetValues<ApplicationStatus>().Select(s => localizer.Label(s)).ToList();
        var typeLabels = Enum.GetValues<ApplicationClientType>().Select(t => localizer.Label(t)).ToList();

        // Assert
        Assert.Empty(missing);
        Assert.Equal(statusLabels.Count, statusLabels.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(typeLabels.Count, typeLabels.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Label_Korean_NamesTheValueInKorean()
    {
        // Arrange
        using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");

        // Act
        var maintenance = localizer.Label(ApplicationStatus.Maintenance);
        var confidential = localizer.Label(ApplicationClientType.Confidential);

        // Assert
        Assert.Equal("점검 중", maintenance);
        Assert.StartsWith("기밀 클라이언트", confidential, StringComparison.Ordinal);
    }
}
