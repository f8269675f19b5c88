using GatewayPortal.Portal.Footer;

namespace GatewayPortal.Portal.Tests.Home;

public sealed class PortalFooterOptionsValidatorTests
{
    [Theory]
    [InlineData("https://www.example.go.kr/privacy", true)]
    [InlineData("http://intra.example/privacy", true)]
    [InlineData("/wiki/개인정보처리방침", true)]
    [InlineData("//evil.example/privacy", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://files.example/privacy", false)]
    [InlineData("privacy.html", false)]
    [InlineData("https://user:pw@example.org/", false)]
    public void Validate_PrivacyPolicyUrl_OnlyHttpOrLocalPaths(string url, bool valid)
    {
        // Arrange
        var options = new PortalFooterOptions { PrivacyPolicyUrl = url };

        // Act
        var result = new PortalFooterOptionsValidator().Validate(null, options);

        // Assert
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Portal:Footer:PrivacyPolicyUrl", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_BadPhoneAndBadAccessibilityUrl_NamesBothKeys()
    {
        // Arrange
        var options = new PortalFooterOptions { AccessibilityUrl = "data:text/html,x", HelpDesk = { Phone = "<script>" } };

        // Act
        var result = new PortalFooterOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("Portal:Footer:AccessibilityUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Portal:Footer:HelpDesk:Phone", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyOptions_Succeeds()
    {
        // Act
        var result = new PortalFooterOptionsValidator().Validate(null, new PortalFooterOptions());

        // Assert
        Assert.True(result.Succeeded);
    }
}
