using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Tools.OrgGen.Tests;

public sealed class OrgTreeTests
{
    [Fact]
    public void Units_2000Users_CodesAreUniqueAndParentsComeFirst()
    {
        // Arrange
        var organization = OrganizationGenerator.Generate(2000);

        // Act
        var units = organization.Units;

        // Assert
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Assert.All(units, unit =>
        {
            Assert.True(unit.ParentCode is null || seen.Contains(unit.ParentCode), $"{unit.Code}'s parent {unit.ParentCode} comes later");
            Assert.True(seen.Add(unit.Code), $"{unit.Code} is not unique");
        });
        Assert.Equal(["hq", "districts"], units.Where(u => u.ParentCode is null).Select(u => u.Code));
    }

    [Fact]
    public void Units_2000Users_EveryPersonsTeamIsALeafOfTheTree()
    {
        // Arrange
        var organization = OrganizationGenerator.Generate(2000);

        // Act
        var byCode = organization.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);

        // Assert
        Assert.All(organization.People, person =>
        {
            var team = byCode[person.Team.Code];
            Assert.Equal(person.Team.Name, team.Name);
            Assert.DoesNotContain(organization.Units, u => u.ParentCode == team.Code);
            var department = byCode[team.ParentCode!];
            Assert.Equal(person.Team.Department, department.Name);
            Assert.Equal(person.Team.Unit, byCode[department.ParentCode!].Name);
        });
    }

    [Fact]
    public void Units_Headquarters_HasFourLevelsAndDistrictsThree()
    {
        // Arrange
        var organization = OrganizationGenerator.Generate(2000);

        // Act
        var budgetTeam = organization.Units.First(u => u.Name == "예산총괄팀");
        var districtTeam = organization.Units.First(u => u.DistinguishedName.Contains("ou=jongno,", StringComparison.Ordinal) && u.Code.Count(c => c == '-') == 2);

        // Assert
        Assert.Equal("ou=hq-03-01-1,ou=hq-03-01,ou=hq-03,ou=hq,ou=organization,dc=cityhall,dc=example", budgetTeam.DistinguishedName);
        Assert.EndsWith(",ou=jongno,ou=districts,ou=organization,dc=cityhall,dc=example", districtTeam.DistinguishedName, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_50000Users_AboutThreeThousandDepartments()
    {
        // Arrange
        // Act
        var organization = OrganizationGenerator.Generate(50_000);

        // Assert
        Assert.InRange(organization.Units.Count, 2_800, 3_300);
        Assert.Equal(organization.Units.Count, organization.Units.Select(u => u.Code).Distinct(StringComparer.Ordinal).Count());
        var codes = organization.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        Assert.All(organization.People, p => Assert.Contains(p.Team.Code, codes));
        Assert.All(organization.Teams, team => Assert.Single(organization.People, p => p.Team == team && p.Title == "팀장"));
    }

    [Fact]
    public void ToLdif_2000Users_WritesTheTreeBeforePeople()
    {
        // Arrange
        var organization = OrganizationGenerator.Generate(2000);

        // Act
        var ldif = LdifWriter.ToLdif(organization);

        // Assert
        var tree = ldif.IndexOf("dn: ou=organization,dc=cityhall,dc=example\n", StringComparison.Ordinal);
        var firstPerson = ldif.IndexOf("dn: uid=", StringComparison.Ordinal);
        Assert.InRange(tree, 0, firstPerson);
        Assert.Equal(organization.Units.Count + 4, ldif.Split("objectClass: organizationalUnit\n").Length - 1);
    }

    [Fact]
    public void Generate_20000Users_SameSeedGivesTheSameTree()
    {
        // Arrange
        // Act
        var first = OrganizationGenerator.Generate(20_000).Units;
        var second = OrganizationGenerator.Generate(20_000).Units;

        // Assert
        Assert.Equal(first, second);
    }
}
