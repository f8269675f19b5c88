using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Telemetry;

/// <summary>Counts every token endpoint answer, refusals made by OpenIddict's own validation included.</summary>
internal sealed class TokenResponseMetricsHandler(IdentityMetrics metrics) : IOpenIddictServerHandler<ApplyTokenResponseContext>
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
        return default;
    }
}
