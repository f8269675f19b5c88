using GatewayPortal.Samples.LineOfBusiness.Configuration;
using GatewayPortal.Samples.LineOfBusiness.Pages;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Samples.LineOfBusiness.Authentication;

/// <summary>
/// Turns "portal unreachable" (discovery or end-session failures during challenge and sign-out) into a 503 page
/// and one log line, instead of an unhandled 500 with a stack trace.
/// </summary>
public sealed class IdentityProviderUnavailableMiddleware(
    RequestDelegate next,
    IOptions<OidcClientOptions> options,
    ILogger<IdentityProviderUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (IdentityProviderFailure.IsUnavailable(exception) && !context.Response.HasStarted)
        {
            logger.LogWarning(
                "Identity provider unavailable at {Authority} while handling {Method} {Path}: {Reason}",
                options.Value.Authority,
                context.Request.Method,
                context.Request.Path,
                IdentityProviderFailure.Describe(exception));
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "30";
            await HtmlPages.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable, HtmlPages.IdentityProviderUnavailable());
        }
    }
}
