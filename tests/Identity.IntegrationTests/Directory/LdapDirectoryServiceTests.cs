using GatewayPortal.Identity.Directory;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

public sealed class LdapDirectoryServiceTests(SlapdFixture fixture) : IAsyncLifetime
{
    private DirectoryTestHost _host = null!;

    private IDirectoryService Directory => _host.Directory;

    public ValueTask InitializeAsync()
    {
        _host = DirectoryTestHost.Create(fixture);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AuthenticateAsync_RightPassword_SucceedsWithProfile()
    {
        // Arrange
        var demo = DemoAccounts.KimMinsu;
        var person = fixture.Organization.People.Single(p => p.Uid == demo.Uid);

        // Act
        var result = await Directory.AuthenticateAsync(demo.Uid, demo.Password, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DirectoryAuthenticationStatus.Succeeded, result.Status);
        var user = Assert.IsType<DirectoryUser>(result.User);
        Assert.True(Guid.TryParse(user.SubjectId, out _));
        Assert.Equal("김민수", user.DisplayName);
        Assert.Equal("kim.minsu", user.Username);
        Assert.Equal("kim.minsu@cityhall.example", user.Email);
        Assert.Equal(demo.EmployeeNumber, user.EmployeeNumber);
        Assert.Equal(person.Team.FullName, user.Department);
        Assert.StartsWith("행정국 총무과 ", user.Department, StringComparison.Ordinal);
        Assert.Equal(person.Title, user.Title);
        Assert.Equal(person.Grade, user.Grade);
        Assert.False(user.IsDisabled);
    }

    [Fact]
    public async Task AuthenticateAsync_GeneratedUser_SignsInWithSharedPassword()
    {
        // Arrange
        var person = fixture.Organization.People.First(p => !p.IsDisabled && p.Password == CityHall.GeneratedUserPassword && p.Team.Unit == "재무국");

        // Act
        var result = await Directory.AuthenticateAsync(person.Uid, CityHall.GeneratedUserPassword, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(result.Succeeded);
        Assert.Equal(person.FullName, result.User!.DisplayName);
        Assert.Equal(person.Title, result.User.Title);
    }

    [Theory]
    [InlineData("choi.yuna@cityhall.example")]
    [InlineData("20150004")]
    [InlineData("  choi.yuna  ")]
    public async Task AuthenticateAsync_MailOrEmployeeNumber_Succeeds(string login)
    {
        // Arrange
        // Act
        var result = await Directory.AuthenticateAsync(login, DemoAccounts.Password, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(result.Succeeded);
        Assert.Equal("choi.yuna", result.User!.Username);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongPassword_IsInvalidPassword()
    {
        // Arrange
        // Act
        var result = await Directory.AuthenticateAsync("kim.minsu", "Wrong!2026", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DirectoryAuthenticationStatus.InvalidPassword, result.Status);
        Assert.Equal("kim.minsu", result.User?.Username);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public async Task AuthenticateAsync_EmptyPassword_IsInvalidPasswordNotSuccess(string password)
    {
        // Arrange
        // Act
        var result = await Directory.AuthenticateAsync("kim.minsu", password, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DirectoryAuthenticationStatus.InvalidPassword, result.Status);
        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("nobody.here")]
    [InlineData("*")]
    [InlineData("*)(uid=*))(|(uid=*")]
    [InlineData("kim*")]
    [InlineData("")]
    [InlineData("(uid=kim.minsu)")]
    public async Task AuthenticateAsync_UnknownOrInjectedLogin_IsUnknownUser(string login)
    {
        // Arrange
        // Act
        var result = await Directory.AuthenticateAsync(login, DemoAccounts.Password, TestContext.Current.CancellationToken);
        var found = await Directory.FindUserAsync(login, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DirectoryAuthenticationStatus.UnknownUser, result.Status);
        Assert.Null(result.User);
        Assert.Null(found);
    }

    [Fact]
    public async Task AuthenticateAsync_TooLongLogin_IsUnknownUser()
    {
        // Arrange
        var login = new string('a', 300);

        // Act
        var result = await Directory.AuthenticateAsync(login, DemoAccounts.Password, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DirectoryAuthenticationStatus.UnknownUser, result.Status);
    }

    [Theory]
    [InlineData("Demo!2026")]
    [InlineData("Wrong!2026")]
    [InlineData("")]
    public async Task AuthenticateAsync_DisabledAccount_IsAccountDisabledBeforePassword(string password)
    {
        // Arrange
        // Act
        var result = await Directory.AuthenticateAsync("jung.disabled", password, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DirectoryAuthenticationStatus.AccountDisabled, result.Status);
        Assert.True(result.User!.IsDisabled);
    }

    [Fact]
    public async Task AuthenticateAsync_GeneratedOnLeaveUser_IsAccountDisabled()
    {
        // Arrange
        var person = fixture.Organization.People.First(p => p.EmployeeType == EmployeeTypes.OnLeave);

        // Act
        var result = await Directory.AuthenticateAsync(person.Uid, CityHall.GeneratedUserPassword, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(DirectoryAuthenticationStatus.AccountDisabled, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_FinanceOfficer_IsInMfaRequiredThroughRoleFinance()
    {
        // Arrange
        // Act
        var result = await Directory.AuthenticateAsync("choi.yuna", DemoAccounts.Password, TestContext.Current.CancellationToken);

        // Assert
        var groups = result.User!.Groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        Assert.True(groups["role-finance"].IsDirect);
        Assert.Equal("재무 담당", groups["role-finance"].Description);
        Assert.False(groups["mfa-required"].IsDirect);
        Assert.Equal("2단계 인증 대상", groups["mfa-required"].Description);
        Assert.True(result.User.IsMemberOf("MFA-REQUIRED"));
        Assert.False(result.User.IsMemberOf("portal-admins"));
    }

    [Fact]
    public async Task FindUserAsync_OrdinaryStaff_IsInStaffAllThroughThreeLevels()
    {
        // Arrange
        // Act
        var user = await Directory.FindUserAsync("kim.minsu", TestContext.Current.CancellationToken);

        // Assert
        var groups = user!.Groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        Assert.Single(groups.Values, g => g.IsDirect && g.Name.StartsWith("dept-hq-", StringComparison.Ordinal));
        Assert.False(groups["staff-hq"].IsDirect);
        Assert.False(groups["staff-all"].IsDirect);
        Assert.Equal("전 직원", groups["staff-all"].Description);
        Assert.False(user.IsMemberOf("mfa-required"));
        Assert.Equal(user.Groups.Count, user.Groups.Select(g => g.DistinguishedName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task FindUserAsync_DistrictStaffAndAdmin_HaveTheirGroups()
    {
        // Arrange
        // Act
        var district = await Directory.FindUserAsync("han.seojun", TestContext.Current.CancellationToken);
        var admin = await Directory.FindUserAsync("park.jihoon", TestContext.Current.CancellationToken);
        var hr = await Directory.FindUserAsync("lee.jiyoung", TestContext.Current.CancellationToken);

        // Assert
        Assert.True(district!.IsMemberOf("staff-jongno"));
        Assert.True(district.IsMemberOf("staff-all"));
        Assert.False(district.IsMemberOf("staff-hq"));
        Assert.True(admin!.Groups.Single(g => g.Name == "portal-admins").IsDirect);
        Assert.True(hr!.IsMemberOf("role-hr"));
    }

    [Fact]
    public async Task FindUserAsync_MaxNestingDepthZero_ReturnsOnlyDirectGroups()
    {
        // Arrange
        await using var host = DirectoryTestHost.Create(fixture, configure: c => c["Directory:MaxGroupNestingDepth"] = "0");

        // Act
        var user = await host.Directory.FindUserAsync("choi.yuna", TestContext.Current.CancellationToken);

        // Assert
        Assert.All(user!.Groups, g => Assert.True(g.IsDirect));
        Assert.False(user.IsMemberOf("mfa-required"));
    }

    [Fact]
    public async Task FindUserBySubjectAsync_SubjectOfSignIn_FindsSamePerson()
    {
        // Arrange
        var signIn = await Directory.AuthenticateAsync("han.seojun", DemoAccounts.Password, TestContext.Current.CancellationToken);

        // Act
        var user = await Directory.FindUserBySubjectAsync(signIn.User!.SubjectId, TestContext.Current.CancellationToken);
        var none = await Directory.FindUserBySubjectAsync(Guid.NewGuid().ToString(), TestContext.Current.CancellationToken);
        var invalid = await Directory.FindUserBySubjectAsync("*", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("han.seojun", user!.Username);
        Assert.Null(none);
        Assert.Null(invalid);
    }

    [Fact]
    public async Task CheckHealthAsync_ServerUp_IsAvailable()
    {
        // Arrange
        // Act
        var health = await Directory.CheckHealthAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.True(health.IsAvailable, health.Error);
        Assert.Equal(fixture.Server.Url, health.Server);
    }

    [Fact]
    public async Task AuthenticateAsync_ManyConcurrentSignIns_AllSucceed()
    {
        // Arrange
        var people = fixture.Organization.People.Where(p => !p.IsDisabled && p.Password == CityHall.GeneratedUserPassword).Take(200).ToList();

        // Act
        var results = await Task.WhenAll(people.Select(p => Directory.AuthenticateAsync(p.Uid, p.Password, TestContext.Current.CancellationToken)));

        // Assert
        Assert.All(results, r => Assert.True(r.Succeeded));
    }
}
