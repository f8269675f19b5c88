using Microsoft.IdentityModel.Tokens;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>
/// The keys published (or able to decrypt) now. Each list starts with the key in force of every kind, in the order of
/// <see cref="OidcKeyAlgorithms.InForce"/>; upcoming and retired keys follow.
/// </summary>
/// <param name="Signing">Signing credentials (ES256 and RS256 keys), the ones in force first.</param>
/// <param name="Encryption">Encryption credentials (AES key wrap; RSA-OAEP keys of earlier versions until they expire), the one in force first.</param>
public sealed record OidcKeySet(IReadOnlyList<SigningCredentials> Signing, IReadOnlyList<EncryptingCredentials> Encryption)
{
    /// <summary>No keys loaded yet.</summary>
    public static OidcKeySet Empty { get; } = new([], []);

    /// <summary>The ids in order, to tell whether anything changed.</summary>
    public string Fingerprint => string.Join(',', Signing.Select(k => k.Key.KeyId)) + "|" + string.Join(',', Encryption.Select(k => k.Key.KeyId));

    /// <summary>The signing key in force for <paramref name="algorithm"/> (ES256 or RS256); null before the keys are loaded.</summary>
    public SigningCredentials? SigningFor(string algorithm) => Signing.FirstOrDefault(c => c.Algorithm == algorithm);

    /// <summary>The encryption key in force (AES key wrap); null before the keys are loaded.</summary>
    public EncryptingCredentials? Encrypting => Encryption.FirstOrDefault(c => c.Alg == OidcKeyAlgorithms.A256Kw);
}
