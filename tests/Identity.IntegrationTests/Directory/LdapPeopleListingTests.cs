using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

/// <summary>The staff directory listing: every enabled person, across LDAP result pages.</summary>
public sealed class LdapPeopleListingTests(SlapdFixture fixture)
{
    [Fact]
    public async Task ListPeopleAsync_WholeOrganisation_ReturnsEveryEnabledPersonOnceWithContactDetails()
    {
        // Arrange: the fixture holds 2,000 people (more than four result pages of 500), a few of them disabled.
        await using var host = DirectoryTestHost.Create(fixture);

        // Act
        var people = await host.Directory.ListPeopleAsync(TestContext.Current.CancellationToken);

        // Assert
        var disabled = fixture.Organization.People.Count(p => p.IsDisabled);
        Assert.True(disabled > 0);
        Assert.Equal(fixture.Organization.People.Count - disabled, people.Count);
        Assert.Equal(people.Count, people.Select(p => p.SubjectId).Distinct(StringComparer.Ordinal).Count());
        var kim = Assert.Single(people, p => p.Username == "kim.minsu");
        Assert.Equal("김민수", kim.DisplayName);
        Assert.False(string.IsNullOrEmpty(kim.Department));
        Assert.False(string.IsNullOrEmpty(kim.Phone));
        Assert.DoesNotContain(people, p => p.Username == DemoAccounts.JungDisabled.Uid);
    }
}
