using System.Globalization;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class LauncherServiceTests : IAsyncLifetime
{
    private const string Subject = "3f0c2a52-0000-4000-8000-000000000001";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private ApplicationsDatabase _database = null!;
    private IReadOnlyDictionary<string, int> _ids = null!;

    public async ValueTask InitializeAsync()
    {
        var file = Path.Combine(RepositoryRoot.Path, "src", "Portal", "DemoData", "applications.json");
        _database = await ApplicationsDatabase.CreateAsync();
        _ids = await _database.AddCatalogueAsync(await ApplicationCatalogFile.LoadAsync(file, TestContext.Current.CancellationToken));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task GetAsync_HeadquartersStaff_SeesOpenAndHeadquartersAppsOnly()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);

        // Act
        var view = await launcher.GetAsync(Subject, DemoDirectoryGroups.Of(DemoAccounts.KimMinsu), null, TestContext.Current.CancellationToken);

        // Assert
        var shown = view.Categories.SelectMany(c => c.Apps).Select(a => a.ClientId).ToList();
        Assert.Contains("sample-lob", shown);
        Assert.Contains("hr-attendance", shown);
        Assert.Contains("doc-onnara", shown);
        Assert.DoesNotContain("hr-personnel", shown); // role-hr only
        Assert.DoesNotContain("it-soc", shown); // sysadmins only
        Assert.DoesNotContain("jongno-participatory-budget", shown); // district staff only
        Assert.DoesNotContain("doc-legacy-groupware", shown); // retired
        Assert.DoesNotContain("batch-reporting", shown); // a machine client has nothing to launch
        Assert.Equal(shown.Count, shown.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task GetAsync_DistrictStaff_SeesDistrictAppsButNotHeadquartersOnes()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);

        // Act
        var view = await launcher.GetAsync(Subject, DemoDirectoryGroups.Of(DemoAccounts.HanSeojun), null, TestContext.Current.CancellationToken);

        // Assert
        var shown = view.Categories.SelectMany(c => c.Apps).Select(a => a.ClientId).ToList();
        Assert.Contains("jongno-participatory-budget", shown);
        Assert.Contains("hr-attendance", shown);
        Assert.DoesNotContain("sample-lob", shown);
        Assert.DoesNotContain("gangnam-smart-city", shown);
    }

    [Fact]
    public async Task GetAsync_HrOfficer_SeesHrAppsAndMaintenanceNotice()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);

        // Act
        var view = await launcher.GetAsync(Subject, DemoDirectoryGroups.Of(DemoAccounts.LeeJiyoung), null, TestContext.Current.CancellationToken);

        // Assert
        var hr = Assert.Single(view.Categories, c => c.Code == "hr");
        Assert.Equal("인사·복무", hr.Name);
        Assert.Contains(hr.Apps, a => a.ClientId == "hr-personnel" && a.Name == "인사관리" && a.Status == ApplicationStatus.Active);
        var health = Assert.Single(hr.Apps, a => a.ClientId == "hr-health");
        Assert.Equal(ApplicationStatus.Maintenance, health.Status);
        Assert.StartsWith("검진기관", health.MaintenanceMessage, StringComparison.Ordinal);
        Assert.Equal(hr.Apps.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase), hr.Apps.Select(a => a.Name));
    }

    [Fact]
    public async Task GetAsync_Categories_AreInDisplayOrder()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);

        // Act
        var view = await launcher.GetAsync(Subject, ["staff-all", "staff-hq", "role-hr", "role-finance", "role-budget", "role-sysadmin", "role-audit"], null, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(ApplicationCategories.All.Select(c => c.Code), view.Categories.Select(c => c.Code));
    }

    [Theory]
    [InlineData("ㅇㅅㄱㄹ", "hr-personnel")] // 초성: 인사관리
    [InlineData("ㅈㅈㄱㅈ", "doc-onnara")] // 초성: 전자결재(온나라)
    [InlineData("온나라", "doc-onnara")]
    [InlineData("E-APPROVAL", "doc-onnara")] // English name, case-insensitive
    [InlineData("원천징수", "hr-payroll")] // Korean description
    [InlineData("withholding", "hr-payroll")] // English description
    public async Task GetAsync_Filter_FindsApplication(string filter, string expected)
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);

        // Act
        var view = await launcher.GetAsync(Subject, DemoDirectoryGroups.Of(DemoAccounts.LeeJiyoung), filter, TestContext.Current.CancellationToken);

        // Assert
        var found = view.Categories.SelectMany(c => c.Apps).Select(a => a.ClientId).ToList();
        Assert.Contains(expected, found);
        Assert.InRange(found.Count, 1, 2); // ㅇㅅㄱㄹ also finds 파견·인사교류
    }

    [Fact]
    public async Task GetAsync_Initials_RankNameStartAboveAMatchInsideAWord()
    {
        // Arrange: ㅇㅅ is 인사관리's start, 파견·[인사]교류's second word and inside 사이버 교[육센]터.
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);

        // Act
        var view = await launcher.GetAsync(Subject, DemoDirectoryGroups.Of(DemoAccounts.LeeJiyoung), "ㅇㅅ", TestContext.Current.CancellationToken);

        // Assert
        var order = view.Results.Select(a => a.ClientId).ToList();
        Assert.Equal(["hr-personnel", "hr-self-service"], order.Take(2).Order(StringComparer.Ordinal)); // 인사관리, 인사 셀프서비스
        Assert.True(order.IndexOf("hr-self-service") < order.IndexOf("hr-secondment"), string.Join(", ", order));
        Assert.True(order.IndexOf("hr-secondment") < order.IndexOf("hr-elearning"), string.Join(", ", order));
        var ranks = view.Results.Select(a => HangulInitials.GetInitials(a.Name).StartsWith("ㅇㅅ", StringComparison.Ordinal)).ToList();
        Assert.Equal(ranks.OrderByDescending(r => r), ranks); // every name that starts with ㅇㅅ comes first
        Assert.Equal(view.Categories.Sum(c => c.Apps.Count), view.Results.Count);
    }

    [Fact]
    public async Task GetAsync_NoFilter_HasNoRankedResults()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);

        // Act
        var view = await launcher.GetAsync(Subject, DemoDirectoryGroups.Of(DemoAccounts.LeeJiyoung), " ", TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(view.Results);
        Assert.NotEmpty(view.Categories);
    }

    [Fact]
    public async Task GetAsync_AfterTheMaintenanceEnds_ShowsNoNotice()
    {
        // Arrange: 건강검진 is closed "12월 1일까지" (until 15:00 UTC on 1 December); look on 7 December.
        await using var db = _database.CreateContext();
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var launcher = new LauncherService(db, new ApplicationCatalogue(later), later);
        var groups = DemoDirectoryGroups.Of(DemoAccounts.LeeJiyoung);

        // Act
        var before = await launcher.GetAsync(Subject, groups, null, TestContext.Current.CancellationToken);
        later.SetUtcNow(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var after = await launcher.GetAsync(Subject, groups, null, TestContext.Current.CancellationToken);

        // Assert
        var healthBefore = before.Categories.SelectMany(c => c.Apps).Single(a => a.ClientId == "hr-health");
        var healthAfter = after.Categories.SelectMany(c => c.Apps).Single(a => a.ClientId == "hr-health");
        Assert.Equal(ApplicationStatus.Maintenance, healthBefore.Status);
        Assert.Contains("12월 1일까지", healthBefore.MaintenanceMessage, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Active, healthAfter.Status);
        Assert.Null(healthAfter.MaintenanceMessage);
    }

    [Fact]
    public async Task GetAsync_InitialsFilterForHiddenApp_FindsNothing()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);

        // Act
        var view = await launcher.GetAsync(Subject, DemoDirectoryGroups.Of(DemoAccounts.KimMinsu), "ㅇㅅㄱㄹ", TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(view.Categories);
    }

    [Fact]
    public async Task GetAsync_EnglishUiCulture_UsesEnglishNames()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");

        // Act
        LauncherView view;
        try
        {
            view = await launcher.GetAsync(Subject, ["staff-all", "staff-hq"], "ㅈㅈㄱㅈ", TestContext.Current.CancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        // Assert
        var category = Assert.Single(view.Categories);
        Assert.Equal("Documents & approval", category.Name);
        Assert.Equal("e-Approval (On-nara)", Assert.Single(category.Apps).Name);
    }

    [Fact]
    public async Task TogglePinAsync_Twice_PinsThenUnpins()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);
        var groups = DemoDirectoryGroups.Of(DemoAccounts.KimMinsu);

        // Act
        var pinned = await launcher.TogglePinAsync(Subject, _ids["doc-onnara"], TestContext.Current.CancellationToken);
        var afterPin = await launcher.GetAsync(Subject, groups, null, TestContext.Current.CancellationToken);
        var unpinned = await launcher.TogglePinAsync(Subject, _ids["doc-onnara"], TestContext.Current.CancellationToken);
        var afterUnpin = await launcher.GetAsync(Subject, groups, null, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(pinned);
        Assert.Equal("doc-onnara", Assert.Single(afterPin.Favorites).ClientId);
        Assert.True(afterPin.Categories.SelectMany(c => c.Apps).Single(a => a.ClientId == "doc-onnara").IsPinned);
        Assert.False(unpinned);
        Assert.Empty(afterUnpin.Favorites);
        Assert.DoesNotContain(afterUnpin.Categories.SelectMany(c => c.Apps), a => a.IsPinned);
    }

    [Fact]
    public async Task GetAsync_PinnedAppNoLongerAllowed_IsNotAFavorite()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);
        await launcher.TogglePinAsync(Subject, _ids["hr-personnel"], TestContext.Current.CancellationToken);
        await launcher.TogglePinAsync(Subject, _ids["doc-mail"], TestContext.Current.CancellationToken);

        // Act
        var view = await launcher.GetAsync(Subject, DemoDirectoryGroups.Of(DemoAccounts.KimMinsu), null, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("doc-mail", Assert.Single(view.Favorites).ClientId);
    }

    [Fact]
    public async Task TogglePinAsync_UnknownApplication_ReturnsFalse()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);

        // Act
        var pinned = await launcher.TogglePinAsync(Subject, 999_999, TestContext.Current.CancellationToken);

        // Assert
        Assert.False(pinned);
        Assert.Equal(0, await db.ApplicationFavorites.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_AfterLaunches_RecentHasLastEightDistinctNewestFirst()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);
        string[] launched =
        [
            "doc-mail", "hr-attendance", "doc-onnara", "doc-calendar", "it-helpdesk", "civil-saeol", "hr-personnel",
            "doc-board", "finance-card", "doc-mail", "sample-lob", "doc-onnara",
        ];
        foreach (var clientId in launched)
        {
            await launcher.RecordLaunchAsync(Subject, _ids[clientId], TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        // Act
        var view = await launcher.GetAsync(Subject, DemoDirectoryGroups.Of(DemoAccounts.KimMinsu), null, TestContext.Current.CancellationToken);

        // Assert: hr-personnel is hidden from kim.minsu, so the eighth is the next older one.
        Assert.Equal(
            ["doc-onnara", "sample-lob", "doc-mail", "finance-card", "doc-board", "civil-saeol", "it-helpdesk", "doc-calendar"],
            view.Recent.Select(a => a.ClientId));
    }

    [Fact]
    public async Task RecordLaunchAsync_ManyLaunches_KeepsLastFifty()
    {
        // Arrange
        await using var db = _database.CreateContext();
        var launcher = new LauncherService(db, new ApplicationCatalogue(_time), _time);
        await launcher.RecordLaunchAsync("someone-else", _ids["doc-mail"], TestContext.Current.CancellationToken);

        // Act
        for (var i = 0; i < LauncherService.MaxLaunchesPerUser + 5; i++)
        {
            await launcher.RecordLaunchAsync(Subject, _ids[i % 2 == 0 ? "doc-mail" : "doc-onnara"], TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // Assert
        var kept = await db.ApplicationLaunches.Where(l => l.SubjectId == Subject).OrderBy(l => l.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(LauncherService.MaxLaunchesPerUser, kept.Count);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddSeconds(-1), kept[^1].LaunchedUtc);
        Assert.Equal(1, await db.ApplicationLaunches.CountAsync(l => l.SubjectId == "someone-else", TestContext.Current.CancellationToken));
    }
}
