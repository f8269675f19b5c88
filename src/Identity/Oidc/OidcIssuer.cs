using Microsoft.AspNetCore.Http;

namespace GatewayPortal.Identity.Oidc;

/// <summary>The issuer URL applications know the portal by.</summary>
public static class OidcIssuer
{
    /// <summary>The configured issuer, or the one OpenIddict derives from the request (base URL with a trailing '/').</summary>
    public static string For(HttpContext context, OidcProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.Issuer))
        {
            return options.Issuer.EndsWith('/') ? options.Issuer : options.Issuer + "/";
        }

        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}/";
    }
}
