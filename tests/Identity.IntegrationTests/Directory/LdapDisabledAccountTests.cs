using GatewayPortal.Identity.Directory;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

public sealed class LdapDisabledAccountTests(SlapdFixture fixture)
{
    public static TheoryData<string, bool> Filters => new()
    {
        // Evaluated on the entry read by the user search.
        { "(|(employeeType=휴직)(employeeType=퇴직))", true },
        { "(&(employeeType=*)(!(employeeType=재직)))", true },
        { @"(|(employeeType=\ed\9c\b4직)(EMPLOYEETYPE=퇴직))", true },
        // Evaluated by the directory (base search).
        { "(|(employeeType=휴직)(employeeType=퇴직))", false },
        { "(|(employeeType=휴*)(employeeType=퇴*))", true },
        { "(|(employeeType:caseIgnoreMatch:=휴직)(employeeType:caseIgnoreMatch:=퇴직))", true },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task AuthenticateAsync_LocalOrServerFilter_DisablesRetiredOnly(string filter, bool evaluateLocally)
    {
        // Arrange
        await using var host = DirectoryTestHost.Create(fixture, configure: c =>
        {
            c["Directory:DisabledAccountFilter"] = filter;
            c["Directory:EvaluateDisabledAccountFilterLocally"] = evaluateLocally ? "true" : "false";
        });

        // Act
        var disabled = await host.Directory.AuthenticateAsync(DemoAccounts.JungDisabled.Uid, DemoAccounts.Password, TestContext.Current.CancellationToken);
        var active = await host.Directory.AuthenticateAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DirectoryAuthenticationStatus.AccountDisabled, disabled.Status);
        Assert.True(disabled.User!.IsDisabled);
        Assert.Equal(DirectoryAuthenticationStatus.Succeeded, active.Status);
        Assert.False(active.User!.IsDisabled);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FindUserAsync_LocalOrServerDefaultFilter_AgreesWithEveryEmployeeType(bool evaluateLocally)
    {
        // Arrange
        var people = fixture.Organization.People.Where(p => p.IsDisabled).Concat(fixture.Organization.People.Where(p => !p.IsDisabled).Take(60)).ToList();
        await using var host = DirectoryTestHost.Create(fixture, configure: c =>
            c["Directory:EvaluateDisabledAccountFilterLocally"] = evaluateLocally ? "true" : "false");

        // Act
        var users = await Task.WhenAll(people.Select(p => host.Directory.FindUserAsync(p.Uid, TestContext.Current.CancellationToken)));

        // Assert
        Assert.Contains(people, p => p.EmployeeType == EmployeeTypes.OnLeave);
        Assert.Contains(people, p => p.EmployeeType == EmployeeTypes.Retired);
        Assert.Equal(people.Select(p => (p.Uid, p.IsDisabled)), users.Select(u => (u!.Username, u.IsDisabled)));
    }
}
