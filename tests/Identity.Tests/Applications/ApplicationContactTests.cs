using GatewayPortal.Identity.Applications;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class ApplicationContactTests
{
    [Theory]
    [InlineData("정보시스템과", "정보시스템과 02-2133-1234", "정보시스템과 02-2133-1234")] // the department is said once
    [InlineData("정보시스템과", "02-2133-1234", "정보시스템과, 02-2133-1234")]
    [InlineData("정보시스템과", "", "정보시스템과")]
    [InlineData("", "02-2133-1234", "02-2133-1234")]
    [InlineData(" 인사과 ", "인사과 02-2133-1000 ", "인사과 02-2133-1000")]
    public void Compose_DepartmentAndContact_NamesTheDepartmentOnce(string department, string contact, string expected)
    {
        // Arrange
        // Act
        var line = ApplicationContact.Compose(department, contact);

        // Assert
        Assert.Equal(expected, line);
    }
}
