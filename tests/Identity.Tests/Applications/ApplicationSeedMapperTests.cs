using GatewayPortal.Identity.Applications;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class ApplicationSeedMapperTests
{
    private static readonly ApplicationSeedEntry Interactive = new()
    {
        ClientId = "sample-lob",
        NameKo = "민원 처리 샘플",
        NameEn = "Civil Affairs Sample",
        DescriptionKo = "샘플",
        DescriptionEn = "Sample",
        Category = "civil",
        Icon = "document",
        LaunchUrl = "http://127.0.0.1:5002/",
        RedirectUris = ["http://127.0.0.1:5002/signin-oidc"],
        PostLogoutRedirectUris = ["http://127.0.0.1:5002/signout-callback-oidc"],
        BackChannelLogoutUri = "http://127.0.0.1:5002/backchannel-logout",
        AllowedGroups = ["staff-hq"],
        OwnerDepartment = "정보시스템과",
        OwnerContact = "정보시스템과 02-2133-1234",
        ClientSecret = "SampleLob!2026",
    };

    [Fact]
    public void ToDescriptor_ConfidentialCodeClient_HasCodeFlowPermissionsAndPkce()
    {
        // Arrange
        // Act
        var descriptor = ApplicationSeedMapper.ToDescriptor(Interactive);

        // Assert
        Assert.Equal(ClientTypes.Confidential, descriptor.ClientType);
        Assert.Equal("SampleLob!2026", descriptor.ClientSecret);
        Assert.Equal("민원 처리 샘플", descriptor.DisplayName);
        Assert.Equal("Civil Affairs Sample", descriptor.DisplayNames[System.Globalization.CultureInfo.GetCultureInfo("en")]);
        Assert.Equal([new Uri("http://127.0.0.1:5002/signin-oidc")], descriptor.RedirectUris);
        Assert.Equal([new Uri("http://127.0.0.1:5002/signout-callback-oidc")], descriptor.PostLogoutRedirectUris);
        Assert.Equivalent(
            new[]
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection, Permissions.Endpoints.PushedAuthorization,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + "groups", Permissions.Prefixes.Scope + "employee",
            },
            descriptor.Permissions,
            strict: true);
        Assert.Equal([Requirements.Features.ProofKeyForCodeExchange], descriptor.Requirements);
    }

    [Fact]
    public void ToDescriptor_PublicClient_HasNoSecretNorIntrospection()
    {
        // Arrange
        var entry = Interactive with { ClientType = "public", ClientSecret = null };

        // Act
        var descriptor = ApplicationSeedMapper.ToDescriptor(entry);

        // Assert
        Assert.Equal(ClientTypes.Public, descriptor.ClientType);
        Assert.Null(descriptor.ClientSecret);
        Assert.DoesNotContain(Permissions.Endpoints.Introspection, descriptor.Permissions);
        Assert.Contains(Requirements.Features.ProofKeyForCodeExchange, descriptor.Requirements);
    }

    [Fact]
    public void ToDescriptor_NoSecretInFile_GeneratesRandomSecret()
    {
        // Arrange
        var entry = Interactive with { ClientSecret = null };

        // Act
        var first = ApplicationSeedMapper.ToDescriptor(entry).ClientSecret;
        var second = ApplicationSeedMapper.ToDescriptor(entry).ClientSecret;

        // Assert
        Assert.NotNull(first);
        Assert.Equal(43, first.Length); // 32 bytes, base64url without padding
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void ToDescriptor_ClientCredentialsClient_HasTokenEndpointsOnly()
    {
        // Arrange
        var entry = Interactive with
        {
            ClientId = "batch-reporting",
            LaunchUrl = null,
            RedirectUris = [],
            PostLogoutRedirectUris = [],
            BackChannelLogoutUri = null,
            GrantTypes = ["client_credentials"],
            Scopes = ["api"],
        };

        // Act
        var descriptor = ApplicationSeedMapper.ToDescriptor(entry);

        // Assert
        Assert.Equivalent(
            new[]
            {
                Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "api",
            },
            descriptor.Permissions,
            strict: true);
        Assert.Empty(descriptor.Requirements);
        Assert.Empty(descriptor.RedirectUris);
    }

    [Fact]
    public void ToEntity_Entry_CopiesFieldsAndParsesEnums()
    {
        // Arrange
        var now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var entry = Interactive with { Status = "maintenance", MaintenanceMessageKo = "점검 중", MaintenanceMessageEn = "Down for maintenance" };

        // Act
        var application = ApplicationSeedMapper.ToEntity(entry, now);

        // Assert
        Assert.Equal(("sample-lob", ApplicationStatus.Maintenance, ApplicationClientType.Confidential), (application.ClientId, application.Status, application.ClientType));
        Assert.Equal(["staff-hq"], application.AllowedGroups);
        Assert.Equal("http://127.0.0.1:5002/backchannel-logout", application.BackChannelLogoutUri);
        Assert.Equal((now, now), (application.CreatedUtc, application.UpdatedUtc));
    }
}
