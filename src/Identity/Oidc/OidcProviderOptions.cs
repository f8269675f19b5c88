using System.ComponentModel.DataAnnotations;

namespace GatewayPortal.Identity.Oidc;

/// <summary>The portal as an OpenID Connect provider.</summary>
public sealed class OidcProviderOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Oidc";

    /// <summary>The issuer URL (e.g. https://portal.cityhall.example/). Empty: derived from the request.</summary>
    public string? Issuer { get; set; }

    /// <summary>Allow plain http. Only ever for loopback development and tests; refused outside Development/Testing.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Access token lifetime. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Identity token lifetime. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Authorization code lifetime. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Refresh token lifetime (sliding with rotation). Default 10 hours: one working day.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>How long a redeemed refresh token may be presented again (network retries) before reuse revokes the authorization. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a signing key signs before the next one takes over. Default 90 days.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "730.00:00:00")]
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long the next key is published in JWKS before it signs (relying parties refresh their caches). Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "60.00:00:00")]
    public TimeSpan KeyPrePublication { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a retired key stays published: at least the longest token lifetime. Default 2 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "60.00:00:00")]
    public TimeSpan KeyRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// How often each node looks whether the key table changed (an operator's <c>keys rotate</c> or <c>keys retire</c>,
    /// another node's new key): the bound within which such a change is in force on every node. Default 10 seconds;
    /// one small query of the keys' schedules, no key material.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How old a directory read of the person an authorization or token grant may rely on: the re-check at every code
    /// redemption and refresh grant (person still active, groups still admit the application) uses the node's last
    /// read of the person when it is younger than this, else reads the directory. Disabling a person or removing a
    /// group therefore stops new tokens within this time (the session revalidation and a password sign-in refresh
    /// the read). Default 60 seconds; zero reads the directory on every grant; at most 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan GrantDirectoryReadMaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The authentication scheme of the portal's SSO session (set by the host).</summary>
    public string SessionScheme { get; set; } = "";

    /// <summary>
    /// Where RP-initiated logout without an <c>id_token_hint</c> asks the person to confirm (the
    /// original parameters follow as the query), so a forged link cannot sign anyone out.
    /// </summary>
    public string EndSessionConfirmationPath { get; set; } = "/account/signout";

    /// <summary>
    /// The signed-out page, which loads front-channel logout frames given as its <c>fc</c> query value
    /// (see <see cref="Logout.FrontChannelLogoutFrames"/>).
    /// </summary>
    public string SignedOutPath { get; set; } = "/account/login?signedOut=true";

    /// <summary>Where a user without access to an application is sent; {0} is the client id.</summary>
    public string AccessDeniedPath { get; set; } = "/apps/{0}/denied";
}
