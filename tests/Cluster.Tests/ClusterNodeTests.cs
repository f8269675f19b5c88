using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using GatewayPortal.Cluster;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Cluster.Tests;

public sealed class ClusterNodeTests
{
    [Theory]
    [InlineData("node-a", true)]
    [InlineData("web01.cityhall_2", true)]
    [InlineData("", true)] // empty: the default name is used
    [InlineData("node a", false)] // spaces are not allowed
    [InlineData("노드", false)] // letters are ASCII only (names appear in logs and metrics)
    [InlineData("a/b", false)]
    public void Validate_NodeName_AcceptsOnlyLettersDigitsDotDashUnderscore(string name, bool valid)
    {
        // Arrange
        var options = new ClusterOptions { NodeName = name.Length == 0 ? null : name };

        // Act
        var ok = Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

        // Assert
        Assert.Equal(valid, ok);
    }

    [Fact]
    public void Validate_NodeNameOf101Characters_IsRefused()
    {
        // Arrange
        var options = new ClusterOptions { NodeName = new string('n', 101) };

        // Act
        var ok = Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void Name_Configured_IsUsed()
    {
        // Act
        var node = new ClusterNode(Options.Create(new ClusterOptions { NodeName = "portal-1" }));

        // Assert
        Assert.Equal("portal-1", node.Name);
    }

    [Fact]
    public void DefaultName_SecondHostInProcess_DiffersFromTheFirstAndIsValid()
    {
        // Act
        var first = ClusterNode.DefaultName(1);
        var second = ClusterNode.DefaultName(2);

        // Assert
        Assert.NotEqual(first, second);
        Assert.EndsWith("-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), first, StringComparison.Ordinal);
        Assert.Matches(new Regex(ClusterNode.NamePattern), first);
        Assert.Matches(new Regex(ClusterNode.NamePattern), second);
    }
}
