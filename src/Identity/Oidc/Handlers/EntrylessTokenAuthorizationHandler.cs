using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Oidc.Handlers;

/// <summary>
/// Whenever the portal reads back an access token that has no row (<see cref="TokenEntryHandler"/>: introspection,
/// userinfo, revocation), its authorization is checked as a row's would be: OpenIddict takes the authorization id from
/// the token's row, so without this handler a token of a revoked grant would stay active until it expires. The id comes
/// from the token's own signed claims.
/// </summary>
public sealed class EntrylessTokenAuthorizationHandler : IOpenIddictServerHandler<ValidateTokenContext>
{
    /// <summary>The handler's registration: after the row check, before OpenIddict's authorization check.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<EntrylessTokenAuthorizationHandler>()
        .SetOrder(OpenIddictServerHandlers.Protection.ValidateAuthorizationEntry.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc/>
    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.TokenId) && string.IsNullOrEmpty(context.AuthorizationId)
            && context.Principal is { } principal && principal.HasTokenType(TokenTypeIdentifiers.AccessToken)
            && principal.GetAuthorizationId() is { Length: > 0 } authorizationId)
        {
            context.AuthorizationId = authorizationId;
        }

        return default;
    }
}
