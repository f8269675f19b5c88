using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Validation;

namespace GatewayPortal.Identity.Oidc.Keys;

/// <summary>
/// Rebuilds OpenIddict's validation options when the keys change: local validation copies the server's
/// keys once per options build, so without this, tokens signed by a new key fail until a restart.
/// </summary>
internal sealed class OidcValidationKeysChangeTokenSource(OidcKeyRing ring) : IOptionsChangeTokenSource<OpenIddictValidationOptions>
{
    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => ring.GetValidationChangeToken();
}
