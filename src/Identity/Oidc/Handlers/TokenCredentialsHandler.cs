using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Oidc.Keys;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Oidc.Handlers;

/// <summary>
/// Picks the keys for each token OpenIddict generates, right after its own choice (which is simply the first key of each
/// list): identity and access tokens are signed with the client's <see cref="PortalApplication.IdTokenSignedResponseAlg"/>
/// (ES256 unless the client asked for RS256) and left unencrypted unless the client asked for encrypted access tokens;
/// every token only the portal reads (codes, refresh tokens and the like) is signed with ES256 and encrypted with the
/// AES key (A256KW + A256CBC-HS512) instead of RSA-OAEP.
/// </summary>
public sealed class TokenCredentialsHandler(OidcKeyRing ring, ApplicationCatalogue catalogue, IApplicationsDbContext db) : IOpenIddictServerHandler<GenerateTokenContext>
{
    /// <summary>The handler's registration: after OpenIddict's AttachSecurityCredentials, before the token is created.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseScopedHandler<TokenCredentialsHandler>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc/>
    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keys = ring.Current;
        switch (context.TokenType)
        {
            case TokenTypeIdentifiers.IdentityToken or TokenTypeIdentifiers.AccessToken:
                var client = await FindClientAsync(context).ConfigureAwait(false);
                var algorithm = client?.IdTokenSignedResponseAlg is OidcKeyAlgorithms.Rs256 ? OidcKeyAlgorithms.Rs256 : OidcKeyAlgorithms.Es256;
                context.SigningCredentials = keys.SigningFor(algorithm) ?? context.SigningCredentials;
                context.EncryptionCredentials = context.TokenType == TokenTypeIdentifiers.AccessToken && client is { EncryptAccessTokens: true }
                    ? keys.Encrypting ?? context.EncryptionCredentials
                    : null;
                break;
            default:
                // Codes, refresh tokens and any other token only the portal reads.
                context.SigningCredentials = keys.SigningFor(OidcKeyAlgorithms.Es256) ?? context.SigningCredentials;
                if (context.EncryptionCredentials is not null)
                {
                    context.EncryptionCredentials = keys.Encrypting ?? context.EncryptionCredentials;
                }

                break;
        }
    }

    private ValueTask<PortalApplication?> FindClientAsync(GenerateTokenContext context) =>
        (context.ClientId ?? context.Request?.ClientId) is { Length: > 0 } clientId
            ? catalogue.FindAsync(db, clientId)
            : ValueTask.FromResult<PortalApplication?>(null);
}
