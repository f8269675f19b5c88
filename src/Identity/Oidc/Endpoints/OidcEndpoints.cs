using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace GatewayPortal.Identity.Oidc.Endpoints;

/// <summary>The pass-through OIDC endpoints: OpenIddict validates the protocol, these decide who gets what.</summary>
public static partial class OidcEndpoints
{
    /// <summary>Maps authorize, token, userinfo and end-session under connect/.</summary>
    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods("connect/authorize", ["GET", "POST"], (Delegate)AuthorizeAsync).DisableAntiforgery();
        endpoints.MapPost("connect/token", TokenAsync).DisableAntiforgery();
        endpoints.MapMethods("connect/userinfo", ["GET", "POST"], (Delegate)UserInfoAsync).DisableAntiforgery();
        endpoints.MapMethods("connect/endsession", ["GET", "POST"], (Delegate)EndSessionAsync).DisableAntiforgery();
        return endpoints;
    }
}
