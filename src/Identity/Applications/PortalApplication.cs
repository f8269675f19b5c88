namespace GatewayPortal.Identity.Applications;

/// <summary>
/// A line-of-business system the portal signs people into. The OpenIddict application with the
/// same <see cref="ClientId"/> holds the protocol settings and the hashed client secret.
/// </summary>
public sealed class PortalApplication
{
    /// <summary>The longest client id accepted.</summary>
    public const int MaxClientIdLength = 100;

    /// <summary>The row id.</summary>
    public int Id { get; set; }

    /// <summary>The OAuth client id: lowercase letters, digits and hyphens.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The Korean name.</summary>
    public string NameKo { get; set; } = "";

    /// <summary>The English name.</summary>
    public string NameEn { get; set; } = "";

    /// <summary>A one-line Korean description.</summary>
    public string DescriptionKo { get; set; } = "";

    /// <summary>A one-line English description.</summary>
    public string DescriptionEn { get; set; } = "";

    /// <summary>A code from <see cref="ApplicationCategories"/>.</summary>
    public string Category { get; set; } = "";

    /// <summary>A key from <see cref="ApplicationIcons"/>.</summary>
    public string Icon { get; set; } = "";

    /// <summary>Where the launcher sends people; null for machine clients that are not launched.</summary>
    public string? LaunchUrl { get; set; }

    /// <summary>The redirect URIs registered with OpenIddict (kept here for display).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>The post-logout redirect URIs registered with OpenIddict (kept here for display).</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>Where the portal posts a logout token when a session ends.</summary>
    public string? BackChannelLogoutUri { get; set; }

    /// <summary>The page the portal loads in a hidden frame when a session ends.</summary>
    public string? FrontChannelLogoutUri { get; set; }

    /// <summary>Directory group common names allowed to use the system; empty means every signed-in person.</summary>
    public List<string> AllowedGroups { get; set; } = [];

    /// <summary>The department that runs the system.</summary>
    public string OwnerDepartment { get; set; } = "";

    /// <summary>Who to call, e.g. "정보시스템과 02-2133-1234".</summary>
    public string OwnerContact { get; set; } = "";

    /// <summary>Whether the system can be used.</summary>
    public ApplicationStatus Status { get; set; }

    /// <summary>The Korean notice shown while <see cref="Status"/> is <see cref="ApplicationStatus.Maintenance"/>.</summary>
    public string? MaintenanceMessageKo { get; set; }

    /// <summary>The English notice shown while <see cref="Status"/> is <see cref="ApplicationStatus.Maintenance"/>.</summary>
    public string? MaintenanceMessageEn { get; set; }

    /// <summary>
    /// When the maintenance ends (UTC); from then on the system counts as in service and its notice is no longer
    /// shown, even if nobody switched the status back. Null: until an administrator ends it.
    /// </summary>
    public DateTime? MaintenanceEndsUtc { get; set; }

    /// <summary>Whether the client can keep a secret.</summary>
    public ApplicationClientType ClientType { get; set; }

    /// <summary>
    /// The client metadata <c>id_token_signed_response_alg</c>: <c>ES256</c> (default) or <c>RS256</c>. It governs every
    /// token issued to the client that others verify: identity tokens, access tokens and logout tokens.
    /// </summary>
    public string IdTokenSignedResponseAlg { get; set; } = ApplicationTokenOptions.DefaultSigningAlgorithm;

    /// <summary>
    /// Whether the client's access tokens are encrypted (with the portal's own AES key): opaque to everyone but the portal,
    /// so its resource servers validate them through the introspection endpoint. Off by default: signed JWTs they read.
    /// </summary>
    public bool EncryptAccessTokens { get; set; }

    /// <summary>When the row was created.</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the row was last changed.</summary>
    public DateTime UpdatedUtc { get; set; }

    /// <summary>
    /// The status at <paramref name="now"/>: <see cref="ApplicationStatus.Maintenance"/> turns into
    /// <see cref="ApplicationStatus.Active"/> once <see cref="MaintenanceEndsUtc"/> has passed.
    /// </summary>
    public ApplicationStatus EffectiveStatus(DateTimeOffset now) =>
        Status == ApplicationStatus.Maintenance && MaintenanceEndsUtc is { } ends && now.UtcDateTime >= DateTime.SpecifyKind(ends, DateTimeKind.Utc)
            ? ApplicationStatus.Active
            : Status;
}
