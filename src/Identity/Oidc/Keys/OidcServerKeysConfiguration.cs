using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>Feeds the key ring into OpenIddict's options and rebuilds them when the keys change.</summary>
internal sealed class OidcServerKeysConfiguration(OidcKeyRing ring)
    : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => ring.GetChangeToken();

    public void Configure(OpenIddictServerOptions options)
    {
        var keys = ring.Current;
        if (keys.Signing.Count == 0)
        {
            // Only before the maintenance service's first run (e.g. a tool building options early).
            ring.RefreshAsync().GetAwaiter().GetResult();
            keys = ring.Current;
        }

        foreach (var key in keys.Signing)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in keys.Encryption)
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
