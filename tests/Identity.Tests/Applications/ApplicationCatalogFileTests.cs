using System.Text.Json.Nodes;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class ApplicationCatalogFileTests
{
    private const string ValidEntry = """
        {
          "clientId": "hr-personnel",
          "nameKo": "인사관리",
          "nameEn": "HR Management",
          "descriptionKo": "인사기록 관리",
          "descriptionEn": "Personnel records",
          "category": "hr",
          "icon": "people",
          "launchUrl": "https://hr-personnel.apps.cityhall.example/",
          "redirectUris": ["https://hr-personnel.apps.cityhall.example/signin-oidc"],
          "postLogoutRedirectUris": ["https://hr-personnel.apps.cityhall.example/signout-callback-oidc"],
          "allowedGroups": ["role-hr"],
          "ownerDepartment": "인사과",
          "ownerContact": "인사과 02-2133-1000"
        }
        """;

    private static string RealFile => Path.Combine(RepositoryRoot.Path, "src", "Portal", "DemoData", "applications.json");

    [Fact]
    public async Task LoadAsync_DemoFile_HasAboutOneHundredSixtyUniqueApplications()
    {
        // Arrange
        // Act
        var entries = await ApplicationCatalogFile.LoadAsync(RealFile, TestContext.Current.CancellationToken);

        // Assert
        Assert.InRange(entries.Count, 150, 180);
        Assert.Equal(entries.Count, entries.Select(e => e.ClientId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ApplicationCategories.All, c => Assert.Contains(entries, e => e.Category == c.Code));
        Assert.Equal(2, entries.Count(e => e.Status == "retired"));
        Assert.InRange(entries.Count(e => e.Status == "maintenance"), 2, 8);
        Assert.InRange(entries.Count(e => e.ClientType == "public"), 2, 10);
        Assert.Equal(["SampleLob!2026", "BatchReporting!2026"], entries.Where(e => e.ClientSecret is not null).Select(e => e.ClientSecret));
    }

    [Fact]
    public async Task LoadAsync_DemoFile_AllowedGroupsExistInDemoDirectory()
    {
        // Arrange
        var groups = OrganizationGenerator.Generate(2000, OrganizationGenerator.DefaultSeed).Groups
            .Select(g => g.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Act
        var entries = await ApplicationCatalogFile.LoadAsync(RealFile, TestContext.Current.CancellationToken);

        // Assert
        var unknown = entries.SelectMany(e => e.AllowedGroups.Select(g => $"{e.ClientId}: {g}")).Where(g => !groups.Contains(g[(g.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        Assert.Empty(unknown);
    }

    [Fact]
    public async Task LoadAsync_DemoFile_SampleAndBatchClientsAreAsAgreed()
    {
        // Arrange
        // Act
        var entries = await ApplicationCatalogFile.LoadAsync(RealFile, TestContext.Current.CancellationToken);

        // Assert
        var sample = Assert.Single(entries, e => e.ClientId == "sample-lob");
        Assert.Equal(("민원 처리 샘플", "Civil Affairs Sample", "civil", "confidential"), (sample.NameKo, sample.NameEn, sample.Category, sample.ClientType));
        Assert.Equal("http://127.0.0.1:5002/", sample.LaunchUrl);
        Assert.Equal(["http://127.0.0.1:5002/signin-oidc"], sample.RedirectUris);
        Assert.Equal(["http://127.0.0.1:5002/signout-callback-oidc"], sample.PostLogoutRedirectUris);
        Assert.Equal("http://127.0.0.1:5002/backchannel-logout", sample.BackChannelLogoutUri);
        Assert.Equal(["staff-hq"], sample.AllowedGroups);
        // Issue #15: the sample also pushes work counters (client credentials, scope portal.counters).
        Assert.Equal([.. ApplicationSeedEntry.DefaultGrantTypes, "client_credentials"], sample.GrantTypes);
        Assert.Equal([.. ApplicationSeedEntry.DefaultScopes, "portal.counters"], sample.Scopes);

        var batch = Assert.Single(entries, e => e.ClientId == "batch-reporting");
        Assert.Equal(["client_credentials"], batch.GrantTypes);
        Assert.Equal(["api"], batch.Scopes);
        Assert.Empty(batch.RedirectUris);
        Assert.Null(batch.LaunchUrl);
    }

    [Theory]
    [InlineData("clientId", "\"HR_Personnel\"", "applications[1] (HR_Personnel) clientId: \"HR_Personnel\" must be 1-100 characters")]
    [InlineData("category", "\"sports\"", "applications[1] (hr-other) category: \"sports\" is not one of hr, finance")]
    [InlineData("icon", "\"rocket\"", "(hr-other) icon: \"rocket\" is not one of")]
    [InlineData("nameKo", "\"\"", "(hr-other) nameKo: is required.")]
    [InlineData("nameEn", "\" HR\"", "(hr-other) nameEn: has leading or trailing white space.")]
    [InlineData("status", "\"paused\"", "(hr-other) status: \"paused\" must be active, maintenance or retired.")]
    [InlineData("status", "\"maintenance\"", "(hr-other) maintenanceMessageKo: is required.")]
    [InlineData("clientType", "\"spa\"", "(hr-other) clientType: \"spa\" must be confidential or public.")]
    [InlineData("redirectUris", "[\"http://hr.apps.cityhall.example/signin-oidc\"]", "(hr-other) redirectUris[0]: \"http://hr.apps.cityhall.example/signin-oidc\" must use https (http only on loopback).")]
    [InlineData("redirectUris", "[\"/signin-oidc\"]", "(hr-other) redirectUris[0]: \"/signin-oidc\" must be an absolute http(s) URI")]
    [InlineData("redirectUris", "[]", "(hr-other) redirectUris: the authorization code flow needs at least one redirect URI.")]
    [InlineData("launchUrl", "null", "(hr-other) launchUrl: is required.")]
    [InlineData("allowedGroups", "[\"role-hr\", \"ROLE-HR\"]", "(hr-other) allowedGroups[1]: \"ROLE-HR\" is listed twice.")]
    [InlineData("grantTypes", "[\"implicit\"]", "(hr-other) grantTypes[0]: \"implicit\" must be one of")]
    [InlineData("grantTypes", "[\"client_credentials\", \"refresh_token\"]", "(hr-other) grantTypes: refresh_token needs authorization_code.")]
    [InlineData("scopes", "[\"openid\"]", "(hr-other) scopes[0]: \"openid\" is implied")]
    [InlineData("clientSecret", "\"short\"", "(hr-other) clientSecret: must be at least 12 characters.")]
    [InlineData("redirectUri", "[]", "'broken.json' is not valid JSON for the catalogue")] // a misspelt field is not ignored
    [InlineData("nameKo", "null", "'broken.json' is not valid JSON for the catalogue")]
    [InlineData("idTokenSignedResponseAlg", "\"HS256\"", "(hr-other) idTokenSignedResponseAlg: \"HS256\" must be ES256 or RS256.")] // issue #18
    [InlineData("encryptAccessTokens", "\"yes\"", "'broken.json' is not valid JSON for the catalogue")]
    public void Parse_BrokenSecondEntry_NamesEntryAndField(string field, string json, string expected)
    {
        // Arrange
        var broken = JsonNode.Parse(ValidEntry)!.AsObject();
        broken["clientId"] = "hr-other";
        broken[field] = JsonNode.Parse(json);
        var document = $$"""{ "applications": [ {{ValidEntry}}, {{broken.ToJsonString()}} ] }""";

        // Act
        var exception = Assert.Throws<InvalidDataException>(() => ApplicationCatalogFile.Parse(document, "broken.json"));

        // Assert
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EntryWithoutTokenOptions_LeavesThemUnstatedAndSeedsEs256Unencrypted()
    {
        // Arrange: a catalogue file written before issue #18.
        var document = $$"""{ "applications": [ {{ValidEntry}} ] }""";

        // Act
        var entry = Assert.Single(ApplicationCatalogFile.Parse(document, "old.json"));
        var row = ApplicationSeedMapper.ToEntity(entry, DateTime.UnixEpoch);

        // Assert
        Assert.Null(entry.IdTokenSignedResponseAlg);
        Assert.Null(entry.EncryptAccessTokens);
        Assert.Equal(("ES256", false), (row.IdTokenSignedResponseAlg, row.EncryptAccessTokens));
    }

    [Fact]
    public void Parse_DuplicateClientId_NamesBothEntries()
    {
        // Arrange
        var document = $$"""{ "applications": [ {{ValidEntry}}, {{ValidEntry}} ] }""";

        // Act
        var exception = Assert.Throws<InvalidDataException>(() => ApplicationCatalogFile.Parse(document, "dup.json"));

        // Assert
        Assert.Contains("applications[1] (hr-personnel) clientId: duplicates applications[0].", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PublicClientWithSecret_IsRejected()
    {
        // Arrange
        var entry = JsonNode.Parse(ValidEntry)!.AsObject();
        entry["clientType"] = "public";
        entry["clientSecret"] = "NotForPublicClients!";
        var document = $$"""{ "applications": [ {{entry.ToJsonString()}} ] }""";

        // Act
        var exception = Assert.Throws<InvalidDataException>(() => ApplicationCatalogFile.Parse(document, "public.json"));

        // Assert
        Assert.Contains("applications[0] (hr-personnel) clientSecret: a public client cannot have a secret.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_NamesSetting()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        // Act
        var exception = await Assert.ThrowsAsync<FileNotFoundException>(() => ApplicationCatalogFile.LoadAsync(path, TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("Applications:Seed:File", exception.Message, StringComparison.Ordinal);
    }
}
