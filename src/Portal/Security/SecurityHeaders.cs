using System.Security.Cryptography;

namespace GatewayPortal.Portal.Security;

/// <summary>
/// The response headers every answer carries (pages, error pages, static files, OIDC endpoints): a Content-Security-Policy
/// with a fresh nonce per request, no framing, no MIME sniffing, a same-origin referrer, an isolated browsing context and
/// no powerful browser features. Set before the endpoint runs, so a page may still widen <c>frame-src</c> for itself
/// (the signed-out page frames front-channel logout URLs); error pages re-executed after an exception get them again.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// OpenIddict's form_post response (an authorization response posted to the application) submits its form with
    /// this one inline script; its hash is allowed on the authorization endpoint only.
    /// </summary>
    public const string FormPostScriptHash = "'sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI='";

    /// <summary>Browser features no portal page uses.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()";

    private static readonly object NonceKey = new();

    /// <summary>Adds the headers to every response; call before anything that writes a response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, context.Request.Path.StartsWithSegments("/connect/authorize", StringComparison.OrdinalIgnoreCase));
        return next(context);
    });

    /// <summary>
    /// The nonce this response's Content-Security-Policy allows for inline <c>&lt;script nonce="…"&gt;</c> elements
    /// (static SSR components read it from the cascading HttpContext); null outside the pipeline.
    /// </summary>
    public static string? GetCspNonce(this HttpContext context) =>
        context?.Items.TryGetValue(NonceKey, out var value) == true ? value as string : null;

    /// <summary>
    /// The policy. No form-action: a sign-in or an end-session confirmation legitimately ends in a redirect to a
    /// registered application, which form-action would block. No 'unsafe-inline' or 'unsafe-eval' anywhere.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce, bool formPostAllowed) =>
        "default-src 'self'; img-src 'self' data:; style-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'{(formPostAllowed ? " " + FormPostScriptHash : "")}; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
}
