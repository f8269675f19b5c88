using System.Globalization;
using System.Security.Claims;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Home;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Portal.Tests.Home;

/// <summary>When the per-person cache of the home and the launcher reads again (issue #18).</summary>
public sealed class PersonalViewCacheTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
    private readonly MemoryCache _memory = new(new MemoryCacheOptions());
    private readonly ApplicationCatalogue _catalogue;
    private readonly PersonalViewCache _cache;
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;
    private int _loads;

    public PersonalViewCacheTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        _catalogue = new ApplicationCatalogue(_time);
        _cache = new PersonalViewCache(_memory, _catalogue, _time, Options.Create(new HomeCacheOptions()));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _memory.Dispose();
    }

    private static ClaimsPrincipal Person(string subject = "kim", string department = "정보화담당관", params string[] groups) =>
        new(new ClaimsIdentity(
            [
                new Claim(PortalClaimTypes.Subject, subject), new Claim(PortalClaimTypes.Department, department),
                .. (groups.Length == 0 ? ["staff"] : groups).Select(g => new Claim(PortalClaimTypes.Group, g)),
            ],
            "test"));

    private Task<string> GetAsync(ClaimsPrincipal user, string? stamp = null, PersonalViewCache.Kind kind = PersonalViewCache.Kind.Home) =>
        _cache.GetOrLoadAsync(kind, user, stamp, () => Task.FromResult("load " + Interlocked.Increment(ref _loads)));

    [Fact]
    public async Task Get_SamePersonAgainWithinTheLifetime_ReadsOnce()
    {
        // Act
        var first = await GetAsync(Person());
        _time.Advance(TimeSpan.FromSeconds(9));
        var second = await GetAsync(Person());

        // Assert
        Assert.Equal("load 1", first);
        Assert.Equal("load 1", second);
    }

    [Fact]
    public async Task Get_AfterTheLifetime_ReadsAgainSoOthersChangesShow()
    {
        // Act
        await GetAsync(Person());
        _time.Advance(_cache.Lifetime);
        var later = await GetAsync(Person());

        // Assert
        Assert.Equal("load 2", later);
    }

    [Fact]
    public async Task Get_GroupsChanged_ReadsAgainAndTheOldGroupsEntryIsNotUsed()
    {
        // Act
        await GetAsync(Person(groups: ["staff"]));
        var moved = await GetAsync(Person(groups: ["staff", "role-hr"]));
        var sameAgain = await GetAsync(Person(groups: ["role-hr", "staff"]));

        // Assert: another set of groups is another view; the order of the claims does not matter.
        Assert.Equal("load 2", moved);
        Assert.Equal("load 2", sameAgain);
    }

    [Fact]
    public async Task Get_DepartmentChanged_ReadsAgain()
    {
        // Act
        await GetAsync(Person(department: "정보화담당관"));
        var moved = await GetAsync(Person(department: "인사과"));

        // Assert
        Assert.Equal("load 2", moved);
    }

    [Fact]
    public async Task Get_LanguageSwitched_ReadsAgainForEachLanguage()
    {
        // Act
        var korean = await GetAsync(Person());
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var english = await GetAsync(Person());
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        var koreanAgain = await GetAsync(Person());

        // Assert: one entry per person, so switching back reads again rather than showing the English view.
        Assert.Equal("load 1", korean);
        Assert.Equal("load 2", english);
        Assert.Equal("load 3", koreanAgain);
    }

    [Fact]
    public async Task Get_CatalogueChangedByAnAdministrator_ReadsAgain()
    {
        // Act
        await GetAsync(Person());
        _catalogue.Invalidate();
        var after = await GetAsync(Person());

        // Assert
        Assert.Equal("load 2", after);
    }

    [Fact]
    public async Task Get_NewStampFromAWriteOnAnotherNode_ReadsAgainThenKeepsTheNewOne()
    {
        // Act
        await GetAsync(Person(), stamp: null);
        var written = await GetAsync(Person(), stamp: "abc");
        var again = await GetAsync(Person(), stamp: "abc");

        // Assert
        Assert.Equal("load 2", written);
        Assert.Equal("load 2", again);
    }

    [Fact]
    public async Task Get_StampLongerThanAllowed_CountsAsNone()
    {
        // Act
        await GetAsync(Person(), stamp: null);
        var tooLong = await GetAsync(Person(), stamp: new string('x', PersonalViewCache.MaxStampLength + 1));

        // Assert
        Assert.Equal("load 1", tooLong);
    }

    [Fact]
    public async Task Forget_AfterTheSubjectWrote_ReadsAgainForBothPagesAndOnlyForThem()
    {
        // Arrange
        await GetAsync(Person("kim"));
        await GetAsync(Person("kim"), kind: PersonalViewCache.Kind.Apps);
        await GetAsync(Person("lee"));

        // Act
        _cache.Forget("kim");
        var home = await GetAsync(Person("kim"));
        var apps = await GetAsync(Person("kim"), kind: PersonalViewCache.Kind.Apps);
        var other = await GetAsync(Person("lee"));

        // Assert
        Assert.Equal("load 4", home);
        Assert.Equal("load 5", apps);
        Assert.Equal("load 3", other);
    }

    [Fact]
    public async Task Get_TwoPeople_EachGetsTheirOwn()
    {
        // Act
        var kim = await GetAsync(Person("kim"));
        var lee = await GetAsync(Person("lee"));

        // Assert
        Assert.Equal("load 1", kim);
        Assert.Equal("load 2", lee);
    }

    [Fact]
    public async Task Get_LifetimeZero_ReadsEveryTime()
    {
        // Arrange
        var off = new PersonalViewCache(_memory, _catalogue, _time, Options.Create(new HomeCacheOptions { PersonalCacheSeconds = 0 }));

        // Act
        var first = await off.GetOrLoadAsync(PersonalViewCache.Kind.Home, Person(), null, () => Task.FromResult("load " + Interlocked.Increment(ref _loads)));
        var second = await off.GetOrLoadAsync(PersonalViewCache.Kind.Home, Person(), null, () => Task.FromResult("load " + Interlocked.Increment(ref _loads)));

        // Assert
        Assert.Equal(("load 1", "load 2"), (first, second));
    }

    [Theory]
    [InlineData("POST", "/launcher/pin", true)]
    [InlineData("POST", "/wiki/Page/edit", true)]
    [InlineData("GET", "/launch/hr-health", true)]
    [InlineData("GET", "/notices/general/12", true)]
    [InlineData("GET", "/", false)]
    [InlineData("GET", "/apps", false)]
    [InlineData("HEAD", "/launch/hr-health", true)]
    [InlineData("GET", "/launcher", false)]
    public void MayWrite_FormPostsLaunchesAndNoticeReads(string method, string path, bool expected)
    {
        // Arrange
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Path = path;

        // Act
        var mayWrite = PersonalViewInvalidation.MayWrite(request);

        // Assert
        Assert.Equal(expected, mayWrite);
    }
}
