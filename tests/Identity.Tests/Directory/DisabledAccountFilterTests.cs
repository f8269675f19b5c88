using GatewayPortal.Identity.Directory;

namespace GatewayPortal.Identity.Tests.Directory;

public sealed class DisabledAccountFilterTests
{
    private static readonly string[] UserAttributes = ["uid", "cn", "memberOf"];

    [Fact]
    public void Constructor_DefaultOptions_EvaluatesLocallyAndReadsEmployeeType()
    {
        // Arrange
        var options = new LdapOptions();

        // Act
        var filter = new DisabledAccountFilter(options, UserAttributes);

        // Assert
        Assert.NotNull(filter.Local);
        Assert.Equal(options.DisabledAccountFilter, filter.Filter);
        Assert.Equal(["uid", "cn", "memberOf", "employeeType"], filter.SearchAttributes);
    }

    [Fact]
    public void Constructor_FilterOnRequestedAttribute_DoesNotRequestItTwice()
    {
        // Arrange
        var options = new LdapOptions { DisabledAccountFilter = "(|(UID=x)(employeeType=퇴직))" };

        // Act
        var filter = new DisabledAccountFilter(options, UserAttributes);

        // Assert
        Assert.Equal(["uid", "cn", "memberOf", "employeeType"], filter.SearchAttributes);
    }

    [Theory]
    [InlineData("(userAccountControl:1.2.840.113556.1.4.803:=2)", true)]
    [InlineData("(employeeType=퇴*)", true)]
    [InlineData("(|(employeeType=휴직)(employeeType=퇴직))", false)]
    public void Constructor_ServerOnlyFilterOrLocalOff_LeavesItToTheServer(string disabledFilter, bool evaluateLocally)
    {
        // Arrange
        var options = new LdapOptions { DisabledAccountFilter = disabledFilter, EvaluateDisabledAccountFilterLocally = evaluateLocally };

        // Act
        var filter = new DisabledAccountFilter(options, UserAttributes);

        // Assert
        Assert.Null(filter.Local);
        Assert.Equal(disabledFilter, filter.Filter);
        Assert.Equal(UserAttributes, filter.SearchAttributes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_NoFilter_HasNoCheck(string? disabledFilter)
    {
        // Arrange
        var options = new LdapOptions { DisabledAccountFilter = disabledFilter };

        // Act
        var filter = new DisabledAccountFilter(options, UserAttributes);

        // Assert
        Assert.Null(filter.Filter);
        Assert.Null(filter.Local);
        Assert.Equal(UserAttributes, filter.SearchAttributes);
    }
}
