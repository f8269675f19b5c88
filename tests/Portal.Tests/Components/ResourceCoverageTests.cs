using System.Globalization;
using GatewayPortal.Identity.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Tests.Components;

public sealed class ResourceCoverageTests
{
    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public void Outcome_EveryAuditOutcome_HasALabelInBothLanguages(string culture)
    {
        // Arrange
        using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        // Act
        var missing = Enum.GetValues<SignInOutcome>().Where(o => localizer["Outcome_" + o].ResourceNotFound).ToList();

        // Assert
        Assert.Empty(missing);
    }

    [Fact]
    public void Resources_EnglishAndKorean_HaveTheSameKeys()
    {
        // Arrange
        var directory = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Portal", "Resources");
        static HashSet<string> Keys(string file) => System.Xml.Linq.XDocument.Load(file).Root!.Elements("data").Select(e => (string)e.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        // Act
        var korean = Keys(Path.Combine(directory, "SharedResource.resx"));
        var english = Keys(Path.Combine(directory, "SharedResource.en.resx"));

        // Assert
        Assert.Empty(korean.Except(english));
        Assert.Empty(english.Except(korean));
    }
}
