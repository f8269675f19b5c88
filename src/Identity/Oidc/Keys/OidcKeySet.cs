using Microsoft.IdentityModel.Tokens;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>The keys published now: the first of each list is the one in use, the rest are upcoming or retired.</summary>
/// <param name="Signing">Signing keys, active first.</param>
/// <param name="Encryption">Encryption keys, active first.</param>
public sealed record OidcKeySet(IReadOnlyList<RsaSecurityKey> Signing, IReadOnlyList<RsaSecurityKey> Encryption)
{
    /// <summary>No keys loaded yet.</summary>
    public static OidcKeySet Empty { get; } = new([], []);

    /// <summary>The ids in order, to tell whether anything changed.</summary>
    public string Fingerprint => string.Join(',', Signing.Select(k => k.KeyId)) + "|" + string.Join(',', Encryption.Select(k => k.KeyId));
}
