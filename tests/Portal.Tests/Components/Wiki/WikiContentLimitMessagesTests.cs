using System.Globalization;
using System.Resources;
using GatewayPortal.Wiki.Rendering;

namespace GatewayPortal.Portal.Tests.Components.Wiki;

public sealed class WikiContentLimitMessagesTests
{
    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public void EveryContentLimit_HasAMessageNamingItsFigures(string culture)
    {
        // Arrange
        var resources = new ResourceManager("GatewayPortal.Portal.Resources.SharedResource", typeof(GatewayPortal.Portal.SharedResource).Assembly);

        // Act
        var missing = Enum.GetValues<WikiContentLimit>()
            .Where(l => resources.GetString("WikiLimit" + l, CultureInfo.GetCultureInfo(culture)) is not { } text || !text.Contains("{1}", StringComparison.Ordinal))
            .ToList();

        // Assert
        Assert.Empty(missing);
    }
}
