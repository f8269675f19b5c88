using Microsoft.IdentityModel.Tokens;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>
/// The kinds of key the ring keeps, named by the algorithm each is used with. One key of each kind in
/// <see cref="InForce"/> signs or encrypts at any time; older ones stay published (or able to decrypt) until they expire.
/// </summary>
public static class OidcKeyAlgorithms
{
    /// <summary>ECDSA P-256 with SHA-256: the default for identity and access tokens, and the signature inside the portal's own tokens.</summary>
    public const string Es256 = SecurityAlgorithms.EcdsaSha256;

    /// <summary>RSA-2048 with SHA-256, for relying parties that cannot verify ES256.</summary>
    public const string Rs256 = SecurityAlgorithms.RsaSha256;

    /// <summary>AES-256 key wrap: encrypts the tokens only the portal reads (codes, refresh tokens, encrypted access tokens).</summary>
    public const string A256Kw = SecurityAlgorithms.Aes256KW;

    /// <summary>RSA-OAEP: the encryption key of earlier versions; no longer generated, kept until it expires so their tokens decrypt.</summary>
    public const string RsaOaep = SecurityAlgorithms.RsaOAEP;

    /// <summary>The content encryption of every encrypted token.</summary>
    public const string ContentEncryption = SecurityAlgorithms.Aes256CbcHmacSha512;

    /// <summary>The kinds with a key in force (generated and rotated on the schedule).</summary>
    public static IReadOnlyList<string> InForce { get; } = [Es256, Rs256, A256Kw];

    /// <summary>The signing algorithms a client may ask for.</summary>
    public static IReadOnlyList<string> ClientSigning { get; } = [Es256, Rs256];

    /// <summary>The use ("sig" or "enc") of a kind; null for an unknown one.</summary>
    public static string? UseOf(string algorithm) => algorithm switch
    {
        Es256 or Rs256 => OidcKeyRing.SigningUse,
        A256Kw or RsaOaep => OidcKeyRing.EncryptionUse,
        _ => null,
    };

    /// <summary>The kind of a stored key: rows written before the algorithm was stored are RSA keys.</summary>
    public static string Of(OidcKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return !string.IsNullOrEmpty(key.Algorithm) ? key.Algorithm : key.Use == OidcKeyRing.SigningUse ? Rs256 : RsaOaep;
    }
}
