using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Oidc.Handlers;

/// <summary>
/// A client may introspect or revoke only tokens issued to itself or meant for it (listed among the audiences). OpenIddict
/// lets any client through when a token names no audience, which is every token the portal issues: another client's
/// introspection answers <c>active: false</c> (RFC 7662 §2.2), as for an unknown token, and its revocation revokes nothing.
/// </summary>
public sealed class TokenCallerHandler : IOpenIddictServerHandler<ValidateIntrospectionRequestContext>, IOpenIddictServerHandler<ValidateRevocationRequestContext>
{
    /// <summary>The registration for introspection.</summary>
    public static OpenIddictServerHandlerDescriptor IntrospectionDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateIntrospectionRequestContext>()
        .UseSingletonHandler<TokenCallerHandler>()
        .SetOrder(OpenIddictServerHandlers.Introspection.ValidateAuthorizedParty.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <summary>The registration for revocation.</summary>
    public static OpenIddictServerHandlerDescriptor RevocationDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateRevocationRequestContext>()
        .UseSingletonHandler<TokenCallerHandler>()
        .SetOrder(OpenIddictServerHandlers.Revocation.ValidateAuthorizedParty.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc/>
    public ValueTask HandleAsync(ValidateIntrospectionRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Check(context, context.ClientId, context.GenericTokenPrincipal);
        return default;
    }

    /// <inheritdoc/>
    public ValueTask HandleAsync(ValidateRevocationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Check(context, context.ClientId, context.GenericTokenPrincipal);
        return default;
    }

    private static void Check(BaseValidatingContext context, string? caller, ClaimsPrincipal? token)
    {
        if (string.IsNullOrEmpty(caller) || token is null || !(token.HasPresenter(caller) || token.HasAudience(caller)))
        {
            // OpenIddict turns invalid_token into {"active": false} for introspection and into a plain refusal for revocation.
            context.Reject(Errors.InvalidToken, "The token was not issued to the caller.");
        }
    }
}
