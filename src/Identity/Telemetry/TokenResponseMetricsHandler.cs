using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GatewayPortal.Identity.Telemetry;

/// <summary>Counts every token endpoint answer, refusals made by OpenIddict's own validation included.</summary>
internal sealed class TokenResponseMetricsHandler(IdentityMetrics metrics) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    /// <summary>Runs before the response is written.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
        .UseSingletonHandler<TokenResponseMetricsHandler>()
        .SetOrder(int.MinValue + 100_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        metrics.TokenResponse(context.Request?.GrantType, context.Response.Error);
        return default;
    }
}
