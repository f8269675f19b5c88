using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OpenIddict.Abstractions;

namespace GatewayPortal.Identity.Tests.Applications.Admin;

/// <summary>The registry administration against SQLite and OpenIddict's EF stores, seeded with the demo catalogue.</summary>
public sealed class ApplicationAdminServiceTests : IAsyncLifetime
{
    private const string Admin = "park.jihoon";
    private ApplicationsDatabase _database = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await ApplicationsDatabase.CreateAsync(withOpenIddict: true);
        var services = new ServiceCollection();
        services.AddDbContext<ApplicationsTestDbContext>(_database.Configure);
        services.AddScoped<IApplicationsDbContext>(sp => sp.GetRequiredService<ApplicationsTestDbContext>());
        services.AddOpenIddict().AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ApplicationsTestDbContext>());
        services.AddSingleton<IDirectoryGroupLookup, FakeDirectoryGroupLookup>();
        services.AddPortalApplicationAdmin();
        services.AddPortalApplicationAdmin();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = RepositoryRoot.Path });
        services.AddPortalApplications(new ConfigurationBuilder().Build());
        _services = services.BuildServiceProvider(validateScopes: true);

        var file = Path.Combine(RepositoryRoot.Path, "src", "Portal", "DemoData", "applications.json");
        var seeder = _services.GetServices<IHostedService>().OfType<ApplicationSeeder>().Single();
        await seeder.SeedAsync(await ApplicationCatalogFile.LoadAsync(file, Ct), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SearchAsync_KoreanText_MatchesNamesAndPagesBy50()
    {
        // Arrange
        var service = Service(out var scope);
        await using var _ = scope;

        // Act
        var hr = await service.SearchAsync(new ApplicationAdminQuery("인사"), Ct);
        var all = await service.SearchAsync(new ApplicationAdminQuery(Page: 2), Ct);
        var retired = await service.SearchAsync(new ApplicationAdminQuery(Status: ApplicationStatus.Retired, Category: "hr"), Ct);

        // Assert
        Assert.Contains(hr.Items, a => a.ClientId == "hr-personnel");
        Assert.All(hr.Items, a => Assert.Contains("인사", a.NameKo, StringComparison.Ordinal));
        Assert.Equal(50, all.Items.Count);
        Assert.Equal(2, all.Page);
        Assert.True(all.PageCount >= 4);
        Assert.All(retired.Items, a => Assert.Equal(ApplicationStatus.Retired, a.Status));
    }

    [Fact]
    public async Task ImportAsync_CsvWithOneBadRow_ReportsLineAndFieldAndChangesNothing()
    {
        // Arrange
        var csv = ApplicationCatalogCsv.Write(await ExportAsync());
        var lines = csv.Split("\r\n").ToList();
        var hrLine = lines.FindIndex(l => l.StartsWith("hr-personnel,", StringComparison.Ordinal));
        var payrollLine = lines.FindIndex(l => l.StartsWith("hr-payroll,", StringComparison.Ordinal));
        lines[hrLine] = lines[hrLine].Replace("인사관리", "인사관리 (변경)", StringComparison.Ordinal);
        lines[payrollLine] = lines[payrollLine].Replace(",hr,", ",no-such-category,", StringComparison.Ordinal);
        var service = Service(out var scope);
        await using var _ = scope;

        // Act
        var result = await service.ImportAsync(string.Join("\r\n", lines), ApplicationImportFormat.Csv, Admin, Ct);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(payrollLine + 1, error.Line);
        Assert.Equal("hr-payroll", error.ClientId);
        Assert.Equal("category", error.Error.Field);
        Assert.Equal("인사관리", (await service.GetAsync("hr-personnel", Ct))!.NameKo);
    }

    [Fact]
    public async Task ImportAsync_JsonWithUnknownGroupAndSecret_ReportsIndexAndField()
    {
        // Arrange
        var entries = (await ExportAsync()).ToList();
        var i = entries.FindIndex(e => e.ClientId == "sample-lob");
        entries[i] = entries[i] with { AllowedGroups = ["staff-hq", "no-such-group"], NameKo = "바뀜" };
        entries[0] = entries[0] with { ClientSecret = "Imported!Secret2026" };
        var service = Service(out var scope);
        await using var _ = scope;

        // Act
        var result = await service.ImportAsync(ApplicationCatalogJson.Write(entries).Replace("\"clientId\": \"" + entries[0].ClientId + "\"",
            "\"clientId\": \"" + entries[0].ClientId + "\", \"clientSecret\": \"Imported!Secret2026\"", StringComparison.Ordinal), ApplicationImportFormat.Json, Admin, Ct);

        // Assert
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Index == i && e.Error.Field == "allowedGroups[1]" && e.Error.Kind == ApplicationFieldErrorKind.UnknownGroup);
        Assert.Contains(result.Errors, e => e.Index == 0 && e.Error.Kind == ApplicationFieldErrorKind.SecretNotAccepted);
        Assert.NotEqual("바뀜", (await service.GetAsync("sample-lob", Ct))!.NameKo);
    }

    [Theory]
    [InlineData(ApplicationImportFormat.Csv)]
    [InlineData(ApplicationImportFormat.Json)]
    public async Task ImportAsync_ExportedFileWithOneEditAndOneNewClient_RoundTrips(ApplicationImportFormat format)
    {
        // Arrange
        var before = await ExportAsync();
        var edited = before.Select(e => e.ClientId == "sample-lob" ? e with { NameEn = "Sample (edited)", RedirectUris = ["http://127.0.0.1:5002/signin-oidc", "http://127.0.0.1:5003/signin-oidc"] } : e).ToList();
        var template = before.Single(e => e.ClientId == "batch-reporting");
        edited.Add(template with { ClientId = "batch-new", NameKo = "새 배치", NameEn = "New batch" });
        var file = format == ApplicationImportFormat.Csv ? ApplicationCatalogCsv.Write(edited) : ApplicationCatalogJson.Write(edited);
        var service = Service(out var scope);
        await using var _ = scope;

        // Act
        var result = await service.ImportAsync(file, format, Admin, Ct);

        // Assert
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((1, before.Count), (result.Created, result.Updated));
        var secret = Assert.Single(result.NewSecrets!);
        Assert.Equal("batch-new", secret.ClientId);
        var after = await ExportAsync();
        Assert.Equal(Normalize(edited), Normalize(after));
        await using var check = _services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var sample = await manager.FindByClientIdAsync("sample-lob", Ct);
        Assert.True(await manager.ValidateRedirectUriAsync(sample!, "http://127.0.0.1:5003/signin-oidc", Ct));
        Assert.True(await manager.ValidateClientSecretAsync(sample!, "SampleLob!2026", Ct), "an update keeps the secret");
        Assert.True(await manager.ValidateClientSecretAsync((await manager.FindByClientIdAsync("batch-new", Ct))!, secret.Secret, Ct));
    }

    [Fact]
    public async Task RotateSecretAsync_ConfidentialClient_NewSecretWorksOldFails()
    {
        // Arrange
        var service = Service(out var scope);
        await using var _ = scope;

        // Act
        var secret = await service.RotateSecretAsync("batch-reporting", Admin, Ct);
        var publicClient = await service.RotateSecretAsync("no-such-client", Admin, Ct);

        // Assert
        Assert.NotNull(secret);
        Assert.Equal(43, secret.Length);
        Assert.Null(publicClient);
        await using var check = _services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await manager.FindByClientIdAsync("batch-reporting", Ct);
        Assert.True(await manager.ValidateClientSecretAsync(client!, secret, Ct));
        Assert.False(await manager.ValidateClientSecretAsync(client!, "BatchReporting!2026", Ct));
    }

    [Fact]
    public async Task UpdateAsync_InvalidEntry_ReturnsFieldErrorsAndSavesNothing()
    {
        // Arrange
        var service = Service(out var scope);
        await using var _ = scope;
        var entry = (await service.GetAsync("hr-personnel", Ct))! with { NameKo = " ", ClientType = "public", AllowedGroups = ["role-hx"] };

        // Act
        var result = await service.UpdateAsync(entry, Admin, Ct);

        // Assert
        Assert.Contains(result.Errors, e => e.Field == "nameKo");
        Assert.Contains(result.Errors, e => e.Kind == ApplicationFieldErrorKind.ClientTypeChanged);
        Assert.Contains(result.Errors, e => e.Kind == ApplicationFieldErrorKind.UnknownGroup && e.Value == "role-hx");
        Assert.Equal("인사관리", (await service.GetAsync("hr-personnel", Ct))!.NameKo);
    }

    [Fact]
    public async Task CreateAsync_ExistingClientId_IsRefused()
    {
        // Arrange
        var service = Service(out var scope);
        await using var _ = scope;
        var entry = (await service.GetAsync("hr-personnel", Ct))!;

        // Act
        var result = await service.CreateAsync(entry, Admin, Ct);

        // Assert
        Assert.Equal(ApplicationFieldErrorKind.DuplicateClientId, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public async Task SetStatusAsync_MaintenanceNeedsBothNotices_RetiredClearsThem()
    {
        // Arrange
        var service = Service(out var scope);
        await using var _ = scope;

        // Act
        var missing = await service.SetStatusAsync("hr-personnel", ApplicationStatus.Maintenance, "점검 중입니다", null, Admin, Ct);
        var maintenance = await service.SetStatusAsync("hr-personnel", ApplicationStatus.Maintenance, "점검 중입니다", "Down for maintenance", Admin, Ct);
        var inMaintenance = await service.GetAsync("hr-personnel", Ct);
        var retired = await service.SetStatusAsync("hr-personnel", ApplicationStatus.Retired, "무시", "ignored", Admin, Ct);
        var after = await service.GetAsync("hr-personnel", Ct);

        // Assert
        Assert.Equal("maintenanceMessageEn", Assert.Single(missing.Errors).Field);
        Assert.True(maintenance.Succeeded);
        Assert.Equal(("maintenance", "Down for maintenance"), (inMaintenance!.Status, inMaintenance.MaintenanceMessageEn));
        Assert.True(retired.Succeeded);
        Assert.Equal(("retired", null), (after!.Status, after.MaintenanceMessageKo));
    }

    private ApplicationAdminService Service(out AsyncServiceScope scope)
    {
        scope = _services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ApplicationAdminService>();
    }

    private async Task<IReadOnlyList<ApplicationSeedEntry>> ExportAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationAdminService>().ExportAsync(Admin, Ct);
    }

    // Lists compare by value and permissions come back as a set: compare a canonical JSON per entry.
    private static List<string> Normalize(IEnumerable<ApplicationSeedEntry> entries) =>
        [.. entries.OrderBy(e => e.ClientId, StringComparer.Ordinal)
            .Select(e => ApplicationCatalogJson.Write([e with { GrantTypes = [.. e.GrantTypes.Order(StringComparer.Ordinal)], Scopes = [.. e.Scopes.Order(StringComparer.Ordinal)] }]))];
}
