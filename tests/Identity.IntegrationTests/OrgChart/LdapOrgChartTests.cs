using System.Diagnostics;
using System.DirectoryServices.Protocols;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.IntegrationTests.Directory;
using GatewayPortal.Identity.OrgChart;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Identity.IntegrationTests.OrgChart;

/// <summary>Issue #15 (4): the org chart read from slapd: the ou tree across result pages, the fallback without one, odd DNs and an outage.</summary>
public sealed class LdapOrgChartTests(SlapdFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefreshAsync_OuTree_ReadsEveryDepartmentAndPlacesEveryEnabledPerson()
    {
        // Arrange: 740 units and 2,000 people, both more than one result page of 500.
        await using var host = DirectoryTestHost.Create(fixture);
        var chart = host.Get<IOrgChart>();
        var organization = fixture.Organization;

        // Act
        var snapshot = await chart.RefreshAsync(Cancel);

        // Assert
        Assert.Equal(OrgChartSource.OuTree, snapshot.Source);
        Assert.Equal(organization.Units.Count, snapshot.DepartmentCount);
        Assert.Equal(["hq", "districts"], snapshot.Roots.Select(r => r.Code));
        Assert.Equal(
            organization.Units.Select(u => (u.Code, u.ParentCode)).Order(),
            snapshot.Departments.Select(d => (d.Code, d.ParentCode)).Order());
        Assert.Equal(["종로구", "중구"], snapshot.Roots[1].Children.Take(2).Select(d => d.Name));
        var enabled = organization.People.Where(p => !p.IsDisabled).ToList();
        Assert.Equal(enabled.Count, snapshot.PeopleCount);
        Assert.Equal(enabled.Count, snapshot.Roots.Sum(r => r.HeadCount));
        Assert.All(enabled, p => Assert.Equal(p.Team.Code, snapshot.FindPerson(p.Uid)?.DepartmentCode));
        var budget = snapshot.FindDepartment("hq-03-01")!;
        Assert.Equal(["hq", "hq-03", "hq-03-01"], budget.Path.Select(d => d.Code));
        Assert.Equal("본청 재무국 예산과", budget.FullName);
        Assert.Equal(enabled.Count(p => p.Team.DepartmentCode == "hq-03-01"), budget.HeadCount);
        Assert.NotNull(budget.Phone);
        Assert.All(snapshot.Roots.SelectMany(r => r.Children).SelectMany(u => u.Children).SelectMany(d => d.Children),
            team => Assert.True(team.Members.Count == 0 || team.Members[0].Title is "팀장" or "과장" or "담당관" or "국장" or "실장" or "본부장" or "위원장",
                $"{team.Code} starts with {team.Members.FirstOrDefault()?.Title}"));
        Assert.Same(snapshot, chart.Current);
    }

    [Fact]
    public async Task RefreshAsync_NoTreeUnderTheBase_BuildsDepartmentsFromPeoplesPathsWithStableCodes()
    {
        // Arrange
        await using var host = DirectoryTestHost.Create(fixture, configure: c => c["Directory:OrgChartSearchBase"] = "ou=nowhere,dc=cityhall,dc=example");
        var chart = host.Get<IOrgChart>();
        var lee = fixture.Organization.People.Single(p => p.Uid == DemoAccounts.LeeJiyoung.Uid);

        // Act
        var first = await chart.RefreshAsync(Cancel);
        var second = await chart.RefreshAsync(Cancel);

        // Assert
        Assert.Equal(OrgChartSource.PeoplePaths, first.Source);
        var units = fixture.Organization.People.Where(p => !p.IsDisabled).Select(p => p.Team.Unit).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(units, first.Roots.Count);
        var team = first.FindDepartment(first.FindPerson(lee.Uid)!.DepartmentCode!)!;
        Assert.Equal(lee.Team.FullName, team.FullName);
        Assert.Equal(3, team.Path.Count);
        Assert.Equal(first.Departments.Select(d => d.Code), second.Departments.Select(d => d.Code));
    }

    [Fact]
    public async Task RefreshAsync_UnitWhoseCodeNeedsDnEscaping_IsPlacedUnderItsParentWithItsMember()
    {
        // Arrange: a team whose code has a comma, a plus, parentheses and a star, and a person in it.
        await using var slapd = await fixture.Server.CloneAsync(Cancel);
        const string code = "t,1+(x)*";
        var parentDn = fixture.Organization.Units.Single(u => u.Code == "hq-03-01").DistinguishedName;
        using (var root = RootConnection.Open(slapd))
        {
            root.SendRequest(new AddRequest(
                "ou=" + LdapEscape.EscapeDnValue(code) + "," + parentDn,
                new DirectoryAttribute("objectClass", "organizationalUnit"),
                new DirectoryAttribute("ou", code),
                new DirectoryAttribute("description", "특수(팀)")));
            RootConnection.AddPerson(root, "odd.member", "Odd!2026x", "odd.member@cityhall.example");
            root.SendRequest(new ModifyRequest("uid=odd.member,ou=people,dc=cityhall,dc=example", DirectoryAttributeOperation.Add, "departmentNumber", code));
        }

        await using var host = DirectoryTestHost.Create(fixture, [slapd.Url]);

        // Act
        var snapshot = await host.Get<IOrgChart>().RefreshAsync(Cancel);

        // Assert
        var team = snapshot.FindDepartment(code);
        Assert.NotNull(team);
        Assert.Equal("hq-03-01", team.Parent?.Code);
        Assert.Equal("특수(팀)", team.Name);
        Assert.Equal(["odd.member"], team.Members.Select(m => m.Username));
        Assert.Equal(fixture.Organization.Units.Count + 1, snapshot.DepartmentCount);
    }

    [Fact]
    public async Task RefreshAsync_DirectoryStopped_ThrowsAndKeepsTheLastSnapshot()
    {
        // Arrange
        await using var slapd = await fixture.Server.CloneAsync(Cancel);
        await using var host = DirectoryTestHost.Create(fixture, [slapd.Url], connectTimeout: TimeSpan.FromMilliseconds(500));
        var chart = host.Get<IOrgChart>();
        var loaded = await chart.RefreshAsync(Cancel);

        // Act
        await slapd.StopAsync(Cancel);
        var failure = await Record.ExceptionAsync(() => chart.RefreshAsync(Cancel));

        // Assert
        Assert.IsType<DirectoryUnavailableException>(failure);
        Assert.Same(loaded, chart.Current);
        Assert.Same(loaded, await chart.GetAsync(Cancel));
        Assert.NotEmpty(chart.ListDepartments());
    }

    [Fact]
    public async Task GetAsync_BeforeAnyReading_WaitsTheConfiguredBoundThenReturnsNull()
    {
        // Arrange: nothing ever loads (no background loop runs in this host).
        await using var host = DirectoryTestHost.Create(fixture, configure: c => c["Directory:OrgChartFirstLoadWait"] = "00:00:00.300");
        var chart = host.Get<IOrgChart>();
        var stopwatch = Stopwatch.StartNew();

        // Act
        var snapshot = await chart.GetAsync(Cancel);

        // Assert
        Assert.Null(snapshot);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.Empty(chart.ListDepartments());
    }
}
