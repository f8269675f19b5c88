namespace GatewayPortal.Identity.Applications;

/// <summary>
/// One entry of the application catalogue file (<c>DemoData/applications.json</c>), as written.
/// <see cref="ApplicationCatalogFile"/> validates it before anything is seeded.
/// </summary>
public sealed record ApplicationSeedEntry
{
    /// <summary>The grant types used when an entry names none.</summary>
    public static IReadOnlyList<string> DefaultGrantTypes { get; } = ["authorization_code", "refresh_token"];

    /// <summary>The scopes (besides the implicit <c>openid</c>) used when an entry names none.</summary>
    public static IReadOnlyList<string> DefaultScopes { get; } = ["profile", "email", "roles", "groups", "employee"];

    /// <summary>The OAuth client id: lowercase letters, digits and hyphens.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>The Korean name.</summary>
    public string NameKo { get; init; } = "";

    /// <summary>The English name.</summary>
    public string NameEn { get; init; } = "";

    /// <summary>A one-line Korean description.</summary>
    public string DescriptionKo { get; init; } = "";

    /// <summary>A one-line English description.</summary>
    public string DescriptionEn { get; init; } = "";

    /// <summary>A code from <see cref="ApplicationCategories"/>.</summary>
    public string Category { get; init; } = "";

    /// <summary>A key from <see cref="ApplicationIcons"/>.</summary>
    public string Icon { get; init; } = "";

    /// <summary>Where the launcher sends people; required for the authorization code flow, absent otherwise.</summary>
    public string? LaunchUrl { get; init; }

    /// <summary>Redirect URIs.</summary>
    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    /// <summary>Post-logout redirect URIs.</summary>
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>The back-channel logout URI, if the system supports it.</summary>
    public string? BackChannelLogoutUri { get; init; }

    /// <summary>The front-channel logout URI, if the system supports it.</summary>
    public string? FrontChannelLogoutUri { get; init; }

    /// <summary>Directory group common names; empty means every signed-in person.</summary>
    public IReadOnlyList<string> AllowedGroups { get; init; } = [];

    /// <summary>The department that runs the system.</summary>
    public string OwnerDepartment { get; init; } = "";

    /// <summary>Who to call.</summary>
    public string OwnerContact { get; init; } = "";

    /// <summary><c>active</c> (default), <c>maintenance</c> or <c>retired</c>: see <see cref="ApplicationCatalogNames"/>.</summary>
    public string Status { get; init; } = ApplicationCatalogNames.Of(ApplicationStatus.Active);

    /// <summary>The Korean maintenance notice; required when <see cref="Status"/> is <c>maintenance</c>.</summary>
    public string? MaintenanceMessageKo { get; init; }

    /// <summary>The English maintenance notice; required when <see cref="Status"/> is <c>maintenance</c>.</summary>
    public string? MaintenanceMessageEn { get; init; }

    /// <summary>When the maintenance ends (e.g. <c>2026-12-01T15:00:00Z</c>); after it the notice is no longer shown.</summary>
    public DateTimeOffset? MaintenanceEndsUtc { get; init; }

    /// <summary><c>confidential</c> (default) or <c>public</c>: see <see cref="ApplicationCatalogNames"/>.</summary>
    public string ClientType { get; init; } = ApplicationCatalogNames.Of(ApplicationClientType.Confidential);

    /// <summary>
    /// The client metadata <c>id_token_signed_response_alg</c>: <c>ES256</c> or <c>RS256</c>, for identity, access and logout
    /// tokens (see <see cref="PortalApplication.IdTokenSignedResponseAlg"/>). Absent (files written before the option): a new
    /// client gets ES256, an existing one keeps its choice.
    /// </summary>
    public string? IdTokenSignedResponseAlg { get; init; }

    /// <summary>Whether access tokens are encrypted (opaque; resource servers introspect them). Absent: false for a new client, unchanged for an existing one.</summary>
    public bool? EncryptAccessTokens { get; init; }

    /// <summary>A known client secret for demo clients; when absent the seeder generates one nobody knows.</summary>
    public string? ClientSecret { get; init; }

    /// <summary><c>authorization_code</c>, <c>refresh_token</c> and/or <c>client_credentials</c>.</summary>
    public IReadOnlyList<string> GrantTypes { get; init; } = DefaultGrantTypes;

    /// <summary>Scopes the client may request, besides the implicit <c>openid</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = DefaultScopes;
}
