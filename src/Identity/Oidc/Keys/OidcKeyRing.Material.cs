using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>Key material: generating a key of each kind, and loading stored keys as OpenIddict credentials.</summary>
public sealed partial class OidcKeyRing
{
    private OidcKey Generate(string algorithm, DateTime now, DateTime activates, OidcProviderOptions o)
    {
        var secret = algorithm switch
        {
            OidcKeyAlgorithms.Es256 => ExportPkcs8(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
            OidcKeyAlgorithms.Rs256 or OidcKeyAlgorithms.RsaOaep => ExportPkcs8(RSA.Create(2048)),
            OidcKeyAlgorithms.A256Kw => RandomNumberGenerator.GetBytes(32),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a key kind of the ring."),
        };
        var use = OidcKeyAlgorithms.UseOf(algorithm)!;
        var key = new OidcKey
        {
            Id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)),
            Use = use,
            Algorithm = algorithm,
            ProtectedKey = _protector.Protect(Convert.ToBase64String(secret)),
            CreatedUtc = now,
            ActivatesUtc = activates,
            RetiresUtc = activates + o.KeyLifetime,
            ExpiresUtc = activates + o.KeyLifetime + o.KeyRetention,
        };
        CryptographicOperations.ZeroMemory(secret);
        LogGenerated(logger, key.Id, algorithm, activates);
        return key;
    }

    private static byte[] ExportPkcs8(AsymmetricAlgorithm key)
    {
        using (key)
        {
            return key.ExportPkcs8PrivateKey();
        }
    }

    /// <summary>The credentials of <paramref name="keys"/>: the keys in force first, then upcoming ones, then retired ones.</summary>
    private OidcKeySet Load(List<OidcKey> keys, List<OidcKey> inForce, DateTime now)
    {
        var ordered = inForce
            .Concat(keys.Where(k => k.ActivatesUtc > now && !inForce.Contains(k)).OrderBy(k => k.ActivatesUtc))
            .Concat(keys.Where(k => k.RetiresUtc <= now && !inForce.Contains(k)).OrderByDescending(k => k.RetiresUtc))
            .ToList();
        var signing = new List<SigningCredentials>();
        var encryption = new List<EncryptingCredentials>();
        foreach (var key in ordered)
        {
            var material = LoadKey(key);
            if (key.Use == SigningUse)
            {
                signing.Add(new SigningCredentials(material, key.Algorithm));
            }
            else
            {
                encryption.Add(new EncryptingCredentials(material, key.Algorithm, OidcKeyAlgorithms.ContentEncryption));
            }
        }

        return new OidcKeySet(signing, encryption);
    }

    private SecurityKey LoadKey(OidcKey key)
    {
        var secret = Convert.FromBase64String(_protector.Unprotect(key.ProtectedKey));
        try
        {
            switch (key.Algorithm)
            {
                case OidcKeyAlgorithms.Es256:
                    var ecdsa = ECDsa.Create();
                    ecdsa.ImportPkcs8PrivateKey(secret, out _);
                    return new ECDsaSecurityKey(ecdsa) { KeyId = key.Id };
                case OidcKeyAlgorithms.A256Kw:
                    return new SymmetricSecurityKey(secret.ToArray()) { KeyId = key.Id };
                default:
                    var rsa = RSA.Create();
                    rsa.ImportPkcs8PrivateKey(secret, out _);
                    return new RsaSecurityKey(rsa) { KeyId = key.Id };
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
