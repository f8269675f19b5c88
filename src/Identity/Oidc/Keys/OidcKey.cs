namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>An RSA key of the OIDC provider, with its schedule. The private part is protected by Data Protection.</summary>
public sealed class OidcKey
{
    /// <summary>The key id (kid).</summary>
    public string Id { get; set; } = "";

    /// <summary>"sig" (signing) or "enc" (encryption).</summary>
    public string Use { get; set; } = "";

    /// <summary>The RSA private key as PKCS#8, protected.</summary>
    public string ProtectedKey { get; set; } = "";

    /// <summary>When it was generated (and published).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When it starts signing or encrypting.</summary>
    public DateTime ActivatesUtc { get; set; }

    /// <summary>When it stops signing or encrypting.</summary>
    public DateTime RetiresUtc { get; set; }

    /// <summary>When it leaves JWKS (tokens it signed have expired by then).</summary>
    public DateTime ExpiresUtc { get; set; }
}
