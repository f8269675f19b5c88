using GatewayPortal.Identity.Applications;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class ApplicationCatalogNamesTests
{
    [Theory]
    [InlineData(ApplicationStatus.Active, "active")]
    [InlineData(ApplicationStatus.Maintenance, "maintenance")]
    [InlineData(ApplicationStatus.Retired, "retired")]
    public void Of_Status_IsTheCatalogueSpellingAndParsesBack(ApplicationStatus status, string expected)
    {
        // Arrange
        // Act
        var name = ApplicationCatalogNames.Of(status);

        // Assert
        Assert.Equal(expected, name);
        Assert.Equal(status, ApplicationCatalogNames.ParseStatus(name));
    }

    [Theory]
    [InlineData(ApplicationClientType.Confidential, "confidential")]
    [InlineData(ApplicationClientType.Public, "public")]
    public void Of_ClientType_IsTheCatalogueSpellingAndParsesBack(ApplicationClientType clientType, string expected)
    {
        // Arrange
        // Act
        var name = ApplicationCatalogNames.Of(clientType);

        // Assert
        Assert.Equal(expected, name);
        Assert.Equal(clientType, ApplicationCatalogNames.ParseClientType(name));
    }

    [Theory]
    [InlineData("Active")]
    [InlineData("1")]
    [InlineData("archived")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseStatus_NotACatalogueSpelling_IsNull(string? value)
    {
        // Arrange
        // Act
        var status = ApplicationCatalogNames.ParseStatus(value);

        // Assert
        Assert.Null(status);
    }

    [Theory]
    [InlineData("Confidential")]
    [InlineData("0")]
    [InlineData("private")]
    [InlineData(null)]
    public void ParseClientType_NotACatalogueSpelling_IsNull(string? value)
    {
        // Arrange
        // Act
        var clientType = ApplicationCatalogNames.ParseClientType(value);

        // Assert
        Assert.Null(clientType);
    }

    [Fact]
    public void Of_UndefinedValue_Throws()
    {
        // Arrange
        var undefined = (ApplicationStatus)42;

        // Act
        var error = Record.Exception(() => ApplicationCatalogNames.Of(undefined));

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(error);
    }
}
