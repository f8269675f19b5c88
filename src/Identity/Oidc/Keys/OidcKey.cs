namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>A key of the OIDC provider (EC, RSA or AES), with its schedule. The private or secret part is protected by Data Protection.</summary>
public sealed class OidcKey
{
    /// <summary>The key id (kid).</summary>
    public string Id { get; set; } = "";

    /// <summary>"sig" (signing) or "enc" (encryption).</summary>
    public string Use { get; set; } = "";

    /// <summary>
    /// The algorithm it is used with (<see cref="OidcKeyAlgorithms"/>); empty on rows written before it was stored (RSA keys,
    /// filled in by the key ring at start).
    /// </summary>
    public string Algorithm { get; set; } = "";

    /// <summary>The private key as PKCS#8 (EC or RSA) or the AES key's bytes, base64, protected.</summary>
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
