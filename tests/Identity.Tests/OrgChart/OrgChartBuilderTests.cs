using GatewayPortal.Identity.OrgChart;

namespace GatewayPortal.Identity.Tests.OrgChart;

public sealed class OrgChartBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_Tree_CountsSubDepartmentsAndSortsHeadsFirstThenGradeThenName()
    {
        // Arrange
        OrgUnitEntry[] units =
        [
            new("ou=a,ou=org", "ou=org", "a", "재무국", null),
            new("ou=a-1,ou=a,ou=org", "ou=a,ou=org", "a-1", "예산과", "02-1"),
            new("ou=a-1-1,ou=a-1,ou=a,ou=org", "ou=a-1,ou=a,ou=org", "a-1-1", "예산총괄팀", null),
        ];
        OrgPerson[] people =
        [
            Person("p1", "하나", "주무관", "지방행정주사보(7급)", "a-1-1"),
            Person("p2", "가나", "주무관", "지방행정주사보(7급)", "a-1-1"),
            Person("p3", "다라", "주무관", "지방행정주사(6급)", "a-1-1"),
            Person("p4", "마바", "팀장", "지방행정사무관(5급)", "a-1-1"),
            Person("p5", "사아", "과장", "지방서기관(4급)", "A-1"),
            Person("p6", "자차", "주무관", null, "nowhere"),
        ];

        // Act
        var chart = OrgChartBuilder.Build(units, people, Now);

        // Assert
        Assert.Equal(OrgChartSource.OuTree, chart.Source);
        Assert.Equal(5, chart.FindDepartment("a")!.HeadCount);
        Assert.Equal(["p5"], chart.FindDepartment("a-1")!.Members.Select(m => m.Username));
        Assert.Equal(["p4", "p3", "p2", "p1"], chart.FindDepartment("a-1-1")!.Members.Select(m => m.Username));
        Assert.Equal("a-1", chart.FindPerson("P5")!.DepartmentCode);
        Assert.Null(chart.FindPerson("p6")!.DepartmentCode);
        Assert.Equal(6, chart.PeopleCount);
    }

    [Fact]
    public void Build_NoUnits_MakesTheTreeFromPathsWithStableCodes()
    {
        // Arrange
        OrgPerson[] people =
        [
            Person("p1", "가", null, null, "x", path: "재무국 예산과 예산총괄팀"),
            Person("p2", "나", null, null, null, path: "재무국  예산과 예산기획팀"),
            Person("p3", "다", null, null, null, path: "종로구 총무과"),
            Person("p4", "라", null, null, null, path: null),
        ];

        // Act
        var first = OrgChartBuilder.Build([], people, Now);
        var second = OrgChartBuilder.Build([], [.. people.Reverse()], Now);

        // Assert
        Assert.Equal(OrgChartSource.PeoplePaths, first.Source);
        Assert.Equal(["재무국", "종로구"], first.Roots.Select(r => r.Name));
        Assert.Equal(["예산기획팀", "예산총괄팀"], first.Roots[0].Children[0].Children.Select(c => c.Name));
        Assert.Equal(2, first.Roots[0].HeadCount);
        Assert.Equal(first.Departments, second.Departments);
        Assert.Null(first.FindPerson("p4")!.DepartmentCode);
    }

    [Fact]
    public void Search_ManyMatches_ReturnsAtMostTheBoundAndSaysThereAreMore()
    {
        // Arrange
        OrgPerson[] people = [.. Enumerable.Range(0, 30).Select(i => Person("kim" + i, "김" + i, null, null, null, path: "재무국 예산과"))];
        var chart = OrgChartBuilder.Build([], people, Now);

        // Act
        var found = chart.Search("김", 10);
        var byLogin = chart.Search("KIM2", 10);
        var none = chart.Search("  ", 10);

        // Assert
        Assert.Equal(10, found.People.Count);
        Assert.True(found.MorePeople);
        Assert.Equal(["kim2", "kim20", "kim21", "kim22", "kim23", "kim24", "kim25", "kim26", "kim27", "kim28"], byLogin.People.Select(p => p.Username));
        Assert.Empty(none.People);
    }

    [Theory]
    [InlineData("지방행정주사(6급)", 6)]
    [InlineData("지방서기관(4급)", 4)]
    [InlineData("전문경력관", 99)]
    [InlineData(null, 100)]
    public void GradeRank_Grade_IsTheNumberBeforeGeup(string? grade, int expected) =>
        Assert.Equal(expected, OrgMemberOrder.GradeRank(grade));

    private static OrgPerson Person(string uid, string name, string? title, string? grade, string? code, string? path = null) =>
        new(uid + "-uuid", uid, name, uid + "@x", null, title, grade, path, code);
}
