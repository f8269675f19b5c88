using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Testing;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

/// <summary>The group picker's lookups against the real directory.</summary>
public sealed class LdapDirectoryGroupLookupTests(SlapdFixture fixture)
{
    [Fact]
    public async Task SearchGroupsAsync_Prefix_FindsMatchingGroupsInOrder()
    {
        // Arrange
        await using var host = DirectoryTestHost.Create(fixture);
        var lookup = host.Get<IDirectoryGroupLookup>();

        // Act
        var groups = await lookup.SearchGroupsAsync("role-", 50, TestContext.Current.CancellationToken);

        // Assert
        Assert.Contains("role-hr", groups);
        Assert.Contains("role-finance", groups);
        Assert.All(groups, g => Assert.StartsWith("role-", g, StringComparison.Ordinal));
        Assert.Equal(groups.Order(StringComparer.Ordinal), groups);
    }

    [Theory]
    [InlineData("mfa-required", true)]
    [InlineData("staff-jongno", true)]
    [InlineData("no-such-group", false)]
    [InlineData("*", false)] // a wildcard must not match every group
    [InlineData("*)(cn=*", false)] // filter injection
    public async Task ExistsAsync_GroupName_TellsWhetherThatExactGroupExists(string cn, bool expected)
    {
        // Arrange
        await using var host = DirectoryTestHost.Create(fixture);

        // Act
        var exists = await host.Get<IDirectoryGroupLookup>().ExistsAsync(cn, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(expected, exists);
    }

    [Fact]
    public async Task SearchGroupsAsync_InjectionInPrefix_MatchesNothing()
    {
        // Arrange
        await using var host = DirectoryTestHost.Create(fixture);

        // Act
        var groups = await host.Get<IDirectoryGroupLookup>().SearchGroupsAsync("*)(objectClass=*", 50, TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(groups);
    }
}
