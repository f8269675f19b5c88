using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Applications;

/// <summary>Turns a validated catalogue entry into our row and an OpenIddict application descriptor.</summary>
internal static class ApplicationSeedMapper
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static PortalApplication ToEntity(ApplicationSeedEntry entry, DateTime nowUtc) => new()
    {
        ClientId = entry.ClientId,
        NameKo = entry.NameKo,
        NameEn = entry.NameEn,
        DescriptionKo = entry.DescriptionKo,
        DescriptionEn = entry.DescriptionEn,
        Category = entry.Category,
        Icon = entry.Icon,
        LaunchUrl = entry.LaunchUrl,
        RedirectUris = [.. entry.RedirectUris],
        PostLogoutRedirectUris = [.. entry.PostLogoutRedirectUris],
        BackChannelLogoutUri = entry.BackChannelLogoutUri,
        FrontChannelLogoutUri = entry.FrontChannelLogoutUri,
        AllowedGroups = [.. entry.AllowedGroups],
        OwnerDepartment = entry.OwnerDepartment,
        OwnerContact = entry.OwnerContact,
        Status = ApplicationCatalogNames.ParseStatus(entry.Status) ?? throw new InvalidOperationException($"Unvalidated status '{entry.Status}'."),
        MaintenanceMessageKo = entry.MaintenanceMessageKo,
        MaintenanceMessageEn = entry.MaintenanceMessageEn,
        MaintenanceEndsUtc = entry.MaintenanceEndsUtc?.UtcDateTime,
        ClientType = ApplicationCatalogNames.ParseClientType(entry.ClientType) ?? throw new InvalidOperationException($"Unvalidated client type '{entry.ClientType}'."),
        IdTokenSignedResponseAlg = entry.IdTokenSignedResponseAlg ?? ApplicationTokenOptions.DefaultSigningAlgorithm,
        EncryptAccessTokens = entry.EncryptAccessTokens ?? false,
        CreatedUtc = nowUtc,
        UpdatedUtc = nowUtc,
    };

    public static OpenIddictApplicationDescriptor ToDescriptor(ApplicationSeedEntry entry)
    {
        var confidential = ApplicationCatalogNames.ParseClientType(entry.ClientType) == ApplicationClientType.Confidential;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = entry.ClientId,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            // Staff sign in to their own city hall's systems: no consent screen.
            ConsentType = ConsentTypes.Implicit,
            DisplayName = entry.NameKo,
        };
        descriptor.DisplayNames[Korean] = entry.NameKo;
        descriptor.DisplayNames[English] = entry.NameEn;
        if (confidential)
        {
            // Without a known demo secret, nobody knows it until an administrator resets it.
            descriptor.ClientSecret = entry.ClientSecret ?? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        }

        foreach (var uri in entry.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        foreach (var uri in entry.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        AddPermissions(descriptor, entry, confidential);
        return descriptor;
    }

    private static void AddPermissions(OpenIddictApplicationDescriptor descriptor, ApplicationSeedEntry entry, bool confidential)
    {
        var interactive = entry.GrantTypes.Contains("authorization_code", StringComparer.Ordinal);
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
        if (confidential)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        if (interactive)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
            descriptor.Permissions.Add(Permissions.Endpoints.PushedAuthorization);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        foreach (var grantType in entry.GrantTypes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grantType);
        }

        foreach (var scope in entry.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
    }
}
