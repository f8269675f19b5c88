using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Telemetry;

/// <summary>
/// Counts every token endpoint answer, refusals made by OpenIddict's own validation included, and logs each refusal as a
/// security event (<see cref="SecurityEventLog.TokenRefused"/>).
/// </summary>
internal sealed class TokenResponseMetricsHandler(IdentityMetrics metrics, SecurityEventLog securityLog) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    /// <summary>Runs just before the response is written, after OpenIddict has settled its error (an unreadable refresh token is
    /// <c>invalid_token</c> early in the chain and <c>invalid_grant</c> as sent).</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
        .UseSingletonHandler<TokenResponseMetricsHandler>()
        .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessJsonResponse<ApplyTokenResponseContext>.Descriptor.Order - 1_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        metrics.TokenResponse(context.Request?.GrantType, context.Response.Error);
        if (context.Response.Error is { } error)
        {
            // A refusal is a security event: the client, the grant type and the OAuth error; never the code, token or secret.
            var grantType = context.Request?.GrantType is "authorization_code" or "refresh_token" or "client_credentials" or "password"
                ? context.Request.GrantType
                : "other";
            securityLog.TokenRefused(error, grantType, Cut(context.Request?.ClientId), subject: null,
                context.Transaction.GetHttpRequest()?.HttpContext.Connection.RemoteIpAddress?.ToString());
        }

        return default;
    }

    // A client id is the caller's input: kept short in the log.
    private static string? Cut(string? value) => value is { Length: > 100 } ? value[..100] : value;
}
