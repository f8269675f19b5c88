using System.Security.Cryptography;
using System.Text;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Tools.OrgGen.Tests;

public sealed class OrganizationGeneratorTests
{
    [Fact]
    public void ToLdif_SameSeed_IsByteIdentical()
    {
        // Arrange
        // Act
        var first = LdifWriter.ToLdif(OrganizationGenerator.Generate(2000, 20261123));
        var second = LdifWriter.ToLdif(OrganizationGenerator.Generate(2000, 20261123));

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void ToLdif_OtherSeed_Differs()
    {
        // Arrange
        // Act
        var first = LdifWriter.ToLdif(OrganizationGenerator.Generate(500, 1));
        var second = LdifWriter.ToLdif(OrganizationGenerator.Generate(500, 2));

        // Assert
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Generate_2000Users_IdentifiersAreUnique()
    {
        // Arrange
        // Act
        var people = OrganizationGenerator.Generate(2000).People;

        // Assert
        Assert.Equal(2000, people.Count);
        Assert.Equal(2000, people.Select(p => p.Uid).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(2000, people.Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(2000, people.Select(p => p.EmployeeNumber).Distinct(StringComparer.Ordinal).Count());
        Assert.All(people, p => Assert.Matches("^[a-z]+\\.[a-z]+[0-9]*$|^jung\\.disabled$", p.Uid));
        Assert.All(people, p => Assert.Matches("^[0-9]{8}$", p.EmployeeNumber));
    }

    [Fact]
    public void Generate_DemoAccounts_ArePresentWithTheirRoles()
    {
        // Arrange
        var organization = OrganizationGenerator.Generate(2000);
        var members = organization.Groups.ToDictionary(g => g.Name, g => g.Members, StringComparer.Ordinal);

        // Act
        var demo = DemoAccounts.All.Select(a => organization.People.Single(p => p.Uid == a.Uid)).ToList();

        // Assert
        Assert.Equal(6, demo.Count);
        Assert.Contains(DemoAccounts.LeeJiyoung.DistinguishedName, members["role-hr"]);
        Assert.Contains(DemoAccounts.ChoiYuna.DistinguishedName, members["role-finance"]);
        Assert.Contains(DemoAccounts.ParkJihoon.DistinguishedName, members["portal-admins"]);
        Assert.Contains(CityHall.GroupDn("role-finance"), members["mfa-required"]);
        Assert.DoesNotContain(members.Values, m => m.Contains(DemoAccounts.KimMinsu.DistinguishedName) && m != members[demo[0].Team.GroupName]);
        Assert.Equal("종로구", demo.Single(p => p.Uid == "han.seojun").Team.Unit);
        Assert.Equal(EmployeeTypes.Retired, demo.Single(p => p.Uid == "jung.disabled").EmployeeType);
    }

    [Fact]
    public void Generate_Groups_ComeAfterTheGroupsTheyContain()
    {
        // Arrange
        var organization = OrganizationGenerator.Generate(2000);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Act
        // Assert
        foreach (var group in organization.Groups)
        {
            Assert.NotEmpty(group.Members);
            Assert.All(group.Members.Where(m => m.EndsWith(CityHall.GroupsDn, StringComparison.Ordinal)), m => Assert.Contains(m, seen));
            seen.Add(group.DistinguishedName);
        }

        Assert.Equal(25, organization.Groups.Count(g => g.Name.StartsWith("staff-", StringComparison.Ordinal)) - 2);
    }

    [Fact]
    public void Generate_EveryTeam_HasOneTeamLeader()
    {
        // Arrange
        // Act
        var organization = OrganizationGenerator.Generate(2000);

        // Assert
        Assert.All(organization.People.GroupBy(p => p.Team.Code), team => Assert.True(team.Count(p => p.Title == "팀장") <= 1));
        Assert.All(organization.Teams, team => Assert.Single(organization.People, p => p.Team == team && p.Title == "팀장"));
        Assert.InRange(organization.People.Count(p => p.IsDisabled), 2, 40);
    }

    [Fact]
    public void Hash_KnownSalt_IsVerifiableSsha()
    {
        // Arrange
        byte[] salt = [1, 2, 3, 4, 5, 6, 7, 8];

        // Act
        var hash = SshaPassword.Hash("Portal!2026", salt);

        // Assert
        var bytes = Convert.FromBase64String(hash["{SSHA}".Length..]);
#pragma warning disable CA5350
        var expected = SHA1.HashData([.. Encoding.UTF8.GetBytes("Portal!2026"), .. salt]);
#pragma warning restore CA5350
        Assert.Equal([.. expected, .. salt], bytes);
    }

    [Fact]
    public void Generate_50000Users_HasUniqueLoginsAndEmployeeNumbers()
    {
        // Arrange
        // Act (how long this takes: bench/RESULTS.md, "Bounds moved out of the tests")
        var organization = OrganizationGenerator.Generate(50_000);
        var ldif = LdifWriter.ToLdif(organization);

        // Assert
        Assert.Equal(50_000, organization.People.Select(p => p.Uid).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(50_000, organization.People.Select(p => p.EmployeeNumber).Distinct(StringComparer.Ordinal).Count());
        Assert.StartsWith("dn: dc=cityhall,dc=example\n", ldif, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--users", "5", "--out", "x.ldif" }, "--users")]
    [InlineData(new[] { "--users", "abc", "--out", "x.ldif" }, "--users")]
    [InlineData(new[] { "--seed", "1.5", "--out", "x.ldif" }, "--seed")]
    [InlineData(new[] { "--users", "100" }, "--out")]
    [InlineData(new[] { "--bogus", "1", "--out", "x.ldif" }, "--bogus")]
    [InlineData(new[] { "--out" }, "--out")]
    public void TryParse_BadArguments_ReturnsErrorNamingTheArgument(string[] args, string expected)
    {
        // Arrange
        // Act
        var commandLine = CommandLine.TryParse(args, out var error);

        // Assert
        Assert.Null(commandLine);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ValidArguments_ReturnsValues()
    {
        // Arrange
        // Act
        var commandLine = CommandLine.TryParse(["--users", "50000", "--seed", "7", "--out", "o.ldif"], out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(new CommandLine(50000, 7, "o.ldif"), commandLine);
    }
}
