namespace GatewayPortal.Samples.LineOfBusiness.Configuration;

/// <summary>How this sample reaches the portal, bound from the <c>Oidc</c> configuration section.</summary>
public sealed class OidcClientOptions
{
    public const string SectionName = "Oidc";

    /// <summary>The portal's issuer URL; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = "http://127.0.0.1:5000";

    public string ClientId { get; set; } = "sample-lob";

    // Demo only: real systems read the secret from a secret store or the environment (Oidc__ClientSecret).
    public string ClientSecret { get; set; } = "SampleLob!2026";

    /// <summary>Unset means: false for a loopback http authority, true otherwise.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    public bool EffectiveRequireHttpsMetadata =>
        RequireHttpsMetadata ?? !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && IsLoopbackHttp(uri));

    public static bool IsLoopbackHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
}
