using System.Globalization;
using GatewayPortal.Portal.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Tests.Components;

public sealed class PluralStringsTests
{
    [Theory]
    [InlineData("en", "AppCount", 1, "1 system")]
    [InlineData("en", "AppCount", 2, "2 systems")]
    [InlineData("en", "AppCount", 0, "0 systems")]
    [InlineData("ko", "AppCount", 1, "1개 시스템")]
    [InlineData("ko", "AppCount", 3, "3개 시스템")]
    [InlineData("en", "LauncherFound", 1, "1 system found.")]
    [InlineData("en", "LauncherFound", 12, "12 systems found.")]
    [InlineData("en", "HomeWorkBadge", 1, "1 item waiting")]
    [InlineData("en", "HomeWorkBadge", 5, "5 items waiting")]
    [InlineData("en", "AppImportFailed", 1, "1 error: nothing was changed.")]
    [InlineData("en", "AppImportFailed", 2, "2 errors: nothing was changed.")]
    [InlineData("en", "SearchResultCount", 1, "1 result")]
    [InlineData("en", "BoardCount", 1, "1 notice")]
    [InlineData("en", "BoardAttachmentCount", 1, "1 file")]
    [InlineData("en", "OrgSubCount", 1, "1 sub-department")]
    [InlineData("en", "WikiDiffCollapsed", 1, "… 1 unchanged line …")]
    [InlineData("en", "ResultsCount", 1, "1 entry")]
    [InlineData("en", "ResultsCount", 40, "40 entries")]
    [InlineData("ko", "SearchResultCount", 1, "검색 결과 1건")]
    public void Plural_CountInEachLanguage_UsesThatLanguagesForm(string culture, string key, int count, string expected)
    {
        // Arrange
        using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        // Act
        string text;
        try
        {
            text = localizer.Plural(key, count);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        // Assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("en", 1, "Too many failed sign-ins. Try again at 09:30 (in about 1 minute).")]
    [InlineData("en", 5, "Too many failed sign-ins. Try again at 09:30 (in about 5 minutes).")]
    public void Plural_CountIsNotTheFirstArgument_PicksTheFormByTheCount(string culture, int minutes, string expected)
    {
        // Arrange
        using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        // Act
        string text;
        try
        {
            text = localizer.Plural("LockedOut", minutes, "09:30", minutes);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        // Assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("en", 1, "one")]
    [InlineData("en", 0, "other")]
    [InlineData("en", 21, "other")]
    [InlineData("ko", 1, "other")] // Korean has one form
    public void Category_Count_FollowsCldr(string culture, long count, string expected)
    {
        // Arrange
        var info = CultureInfo.GetCultureInfo(culture);

        // Act
        var category = PluralStrings.Category(info, count);

        // Assert
        Assert.Equal(expected, category);
    }

    [Fact]
    public void Resources_EverySingularForm_HasItsGeneralForm()
    {
        // Arrange
        var directory = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Portal", "Resources");
        var keys = System.Xml.Linq.XDocument.Load(Path.Combine(directory, "SharedResource.en.resx")).Root!.Elements("data")
            .Select(e => (string)e.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        // Act
        var orphans = keys.Where(k => k.EndsWith(PluralStrings.OneSuffix, StringComparison.Ordinal) && !keys.Contains(k[..^PluralStrings.OneSuffix.Length])).ToList();

        // Assert
        Assert.Empty(orphans);
    }
}
