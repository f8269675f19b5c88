using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Oidc;

namespace GatewayPortal.Portal.Components.Pages.Admin.Applications;

/// <summary>The edit form's fields: text as typed, list fields one per line; converted to a catalogue entry to validate and save.</summary>
public sealed class ApplicationForm
{
    public string? ClientId { get; set; }

    public string? NameKo { get; set; }

    public string? NameEn { get; set; }

    public string? DescriptionKo { get; set; }

    public string? DescriptionEn { get; set; }

    public string? Category { get; set; }

    public string? Icon { get; set; }

    public string? LaunchUrl { get; set; }

    public string? RedirectUris { get; set; }

    public string? PostLogoutRedirectUris { get; set; }

    public string? BackChannelLogoutUri { get; set; }

    public string? FrontChannelLogoutUri { get; set; }

    public string? AllowedGroups { get; set; }

    public string? OwnerDepartment { get; set; }

    public string? OwnerContact { get; set; }

    public string? ClientType { get; set; }

    // No initializers: a posted form leaves unchecked boxes at their defaults.
    public bool AuthorizationCode { get; set; }

    public bool RefreshToken { get; set; }

    public bool ClientCredentials { get; set; }

    public string? Scopes { get; set; }

    /// <summary>The token signing algorithm (<c>id_token_signed_response_alg</c>): ES256 or RS256.</summary>
    public string? IdTokenSignedResponseAlg { get; set; }

    /// <summary>Whether access tokens are encrypted (opaque; resource servers introspect them).</summary>
    public bool EncryptAccessTokens { get; set; }

    /// <summary>Whether the system may push work counters (the client credentials grant and the portal.counters scope).</summary>
    public bool CountersApi { get; set; }

    /// <summary>A new application's form: confidential, code flow with refresh tokens, the default scopes.</summary>
    public static ApplicationForm CreateDefault() => From(new ApplicationSeedEntry { ClientId = "" });

    /// <summary>The form filled from an existing application.</summary>
    public static ApplicationForm From(ApplicationSeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new()
        {
            ClientId = entry.ClientId,
            NameKo = entry.NameKo,
            NameEn = entry.NameEn,
            DescriptionKo = entry.DescriptionKo,
            DescriptionEn = entry.DescriptionEn,
            Category = entry.Category,
            Icon = entry.Icon,
            LaunchUrl = entry.LaunchUrl,
            RedirectUris = string.Join('\n', entry.RedirectUris),
            PostLogoutRedirectUris = string.Join('\n', entry.PostLogoutRedirectUris),
            BackChannelLogoutUri = entry.BackChannelLogoutUri,
            FrontChannelLogoutUri = entry.FrontChannelLogoutUri,
            AllowedGroups = string.Join('\n', entry.AllowedGroups),
            OwnerDepartment = entry.OwnerDepartment,
            OwnerContact = entry.OwnerContact,
            ClientType = entry.ClientType,
            AuthorizationCode = entry.GrantTypes.Contains("authorization_code", StringComparer.Ordinal),
            RefreshToken = entry.GrantTypes.Contains("refresh_token", StringComparer.Ordinal),
            ClientCredentials = entry.GrantTypes.Contains("client_credentials", StringComparer.Ordinal),
            Scopes = string.Join('\n', entry.Scopes.Where(s => s != OidcScopes.Counters)),
            CountersApi = entry.Scopes.Contains(OidcScopes.Counters, StringComparer.Ordinal),
            IdTokenSignedResponseAlg = entry.IdTokenSignedResponseAlg,
            EncryptAccessTokens = entry.EncryptAccessTokens ?? false,
        };
    }

    /// <summary>The entry to save; status and maintenance notices come from <paramref name="current"/> (changed on their own form).</summary>
    public ApplicationSeedEntry ToEntry(ApplicationSeedEntry? current) => new()
    {
        ClientId = current?.ClientId ?? Text(ClientId),
        NameKo = Text(NameKo),
        NameEn = Text(NameEn),
        DescriptionKo = Text(DescriptionKo),
        DescriptionEn = Text(DescriptionEn),
        Category = Text(Category),
        Icon = Text(Icon),
        LaunchUrl = Optional(LaunchUrl),
        RedirectUris = Lines(RedirectUris),
        PostLogoutRedirectUris = Lines(PostLogoutRedirectUris),
        BackChannelLogoutUri = Optional(BackChannelLogoutUri),
        FrontChannelLogoutUri = Optional(FrontChannelLogoutUri),
        AllowedGroups = Lines(AllowedGroups),
        OwnerDepartment = Text(OwnerDepartment),
        OwnerContact = Text(OwnerContact),
        Status = current?.Status ?? ApplicationCatalogNames.Of(ApplicationStatus.Active),
        MaintenanceMessageKo = current?.MaintenanceMessageKo,
        MaintenanceMessageEn = current?.MaintenanceMessageEn,
        MaintenanceEndsUtc = current?.MaintenanceEndsUtc,
        ClientType = current?.ClientType ?? Text(ClientType),
        GrantTypes = [.. new[] { (AuthorizationCode, "authorization_code"), (RefreshToken, "refresh_token"), (ClientCredentials || CountersApi, "client_credentials") }
            .Where(g => g.Item1).Select(g => g.Item2)],
        Scopes = CountersApi ? [.. Lines(Scopes).Where(s => s != OidcScopes.Counters), OidcScopes.Counters] : Lines(Scopes),
        // A form posted without the field (an older page) keeps the default; a wrong value is refused by the validator.
        IdTokenSignedResponseAlg = Optional(IdTokenSignedResponseAlg) ?? ApplicationTokenOptions.DefaultSigningAlgorithm,
        EncryptAccessTokens = EncryptAccessTokens,
    };

    /// <summary>The form property that shows an error for a catalogue field (<c>redirectUris[1]</c> → <c>RedirectUris</c>).</summary>
    public static string PropertyFor(string baseField) => baseField switch
    {
        "grantTypes" => nameof(AuthorizationCode),
        "" or "status" or "maintenanceMessageKo" or "maintenanceMessageEn" or "clientSecret" => "",
        _ => char.ToUpperInvariant(baseField[0]) + baseField[1..],
    };

    private static string Text(string? value) => value?.Trim() ?? "";

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] Lines(string? value) =>
        value is null ? [] : [.. value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
