using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Oidc.Handlers;

/// <summary>
/// Revocation (RFC 7009) in place of OpenIddict's own handler: a token with a row is revoked as before; an access token
/// of a person's grant has no row (<see cref="TokenEntryHandler"/>), so its authorization is revoked with every token of
/// it — the grant that issued it ends, as RFC 7009 §2.1 allows ("MAY revoke the respective refresh token as well").
/// Anything else is answered <c>unsupported_token_type</c>, as OpenIddict does.
/// </summary>
public sealed partial class RevokeTokenOrGrantHandler(
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    ILogger<RevokeTokenOrGrantHandler> logger) : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    /// <summary>The handler's registration, at the place of OpenIddict's <c>RevokeToken</c> (removed).</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
        .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
        .UseScopedHandler<RevokeTokenOrGrantHandler>()
        .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc/>
    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.GenericTokenPrincipal ?? throw new InvalidOperationException("The revocation request carries no principal.");
        var cancellationToken = context.CancellationToken;
        if (principal.GetTokenId() is { Length: > 0 } tokenId)
        {
            var token = await tokens.FindByIdAsync(tokenId, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                context.Reject(Errors.InvalidToken, "The token is not valid.");
            }
            else if (!await tokens.TryRevokeAsync(token, cancellationToken).ConfigureAwait(false))
            {
                context.Reject(Errors.UnsupportedTokenType, "The token cannot be revoked.");
            }

            return;
        }

        if (principal.HasTokenType(TokenTypeIdentifiers.AccessToken) && principal.GetAuthorizationId() is { Length: > 0 } authorizationId)
        {
            var authorization = await authorizations.FindByIdAsync(authorizationId, cancellationToken).ConfigureAwait(false);
            if (authorization is not null)
            {
                await authorizations.TryRevokeAsync(authorization, cancellationToken).ConfigureAwait(false);
            }

            var revoked = await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken).ConfigureAwait(false);
            LogGrantRevoked(logger, authorizationId, revoked);
            return;
        }

        context.Reject(Errors.UnsupportedTokenType, "The token cannot be revoked.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An access token was revoked: its authorization {AuthorizationId} and {Tokens} tokens of it are revoked")]
    private static partial void LogGrantRevoked(ILogger logger, string authorizationId, long tokens);
}
