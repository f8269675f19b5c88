using Microsoft.Extensions.Logging;

namespace GatewayPortal.Portal.Tests.Observability;

public sealed class PortalLoggingTests
{
    [Theory]
    [InlineData(null, true, PortalLogFormat.Text)]
    [InlineData(null, false, PortalLogFormat.Json)]
    [InlineData("", false, PortalLogFormat.Json)]
    [InlineData("JSON", true, PortalLogFormat.Json)]
    [InlineData(" text ", false, PortalLogFormat.Text)]
    public void ParseFormat_ValueOrEnvironmentDefault_IsTheFormat(string? value, bool isDevelopment, PortalLogFormat expected) =>
        Assert.Equal(expected, PortalLoggingExtensions.ParseFormat(value, isDevelopment));

    [Fact]
    public void ParseFormat_UnknownFormat_FailsNamingTheKeyAndTheChoices()
    {
        // Act
        var error = Assert.Throws<InvalidOperationException>(() => PortalLoggingExtensions.ParseFormat("xml", isDevelopment: false));

        // Assert
        Assert.Contains("Logging:Format", error.Message, StringComparison.Ordinal);
        Assert.Contains("'xml'", error.Message, StringComparison.Ordinal);
        Assert.Contains("json or text", error.Message, StringComparison.Ordinal);
    }
}
