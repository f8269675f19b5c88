using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Oidc.Handlers;

/// <summary>
/// Decides which issued tokens get a row in the token table. A row is what lets the portal refuse a token later
/// (single use, revocation, reuse detection); tokens the portal never reads back need none:
/// <list type="bullet">
/// <item>identity tokens: read only by the relying party (and as an <c>id_token_hint</c>, where the signature is
/// all that counts);</item>
/// <item>access tokens of a person's grant (they carry the authorization's id): introspection and userinfo refuse them
/// as soon as their authorization is revoked (sign-out, session ended, refresh-token reuse), and revoking one revokes
/// its authorization (<see cref="RevokeTokenOrGrantHandler"/>).</item>
/// </list>
/// Codes, refresh tokens and access tokens without an authorization (client credentials) keep their rows.
/// Two rows fewer per code flow and per refresh grant.
/// </summary>
public sealed class TokenEntryHandler : IOpenIddictServerHandler<GenerateTokenContext>
{
    /// <summary>The handler's registration: before OpenIddict creates the row.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseSingletonHandler<TokenEntryHandler>()
        .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc/>
    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (NeedsNoEntry(context.TokenType, context.Principal?.GetAuthorizationId(), context.IsReferenceToken))
        {
            context.CreateTokenEntry = false;
        }

        return default;
    }

    /// <summary>True for the tokens described above (a reference token always needs its row: it is its payload's only copy).</summary>
    public static bool NeedsNoEntry(string? tokenType, string? authorizationId, bool isReferenceToken) =>
        !isReferenceToken && tokenType switch
        {
            TokenTypeIdentifiers.IdentityToken => true,
            TokenTypeIdentifiers.AccessToken => !string.IsNullOrEmpty(authorizationId),
            _ => false,
        };
}
