using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
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

        // The ring's order (keys in force first) is what OpenIddict falls back to; TokenCredentialsHandler picks per token.
        options.SigningCredentials.AddRange(keys.Signing);
        options.EncryptionCredentials.AddRange(keys.Encryption);
    }
}
