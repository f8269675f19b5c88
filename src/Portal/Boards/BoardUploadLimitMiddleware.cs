using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Boards;

/// <summary>
/// Refuses a notice form whose declared length is over <see cref="BoardUploadLimitsAttribute.MaxBodyBytes"/> with 413 and a
/// plain-text message in the user's language, before antiforgery reads the form (which would turn Kestrel's 413 into a bare 400). A chunked body over the
/// limit is still stopped by Kestrel while it is read (the route's limit comes from the same attribute).
/// </summary>
public static class BoardUploadLimitMiddleware
{
    /// <summary>Adds the check; it must come after routing and authorisation and before antiforgery.</summary>
    public static IApplicationBuilder UseBoardUploadLimits(this IApplicationBuilder app) => app.Use(InvokeAsync);

    // The notice pages skip status code pages (they render their own errors), so the message is written here.
    private static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > BoardUploadLimitsAttribute.MaxBodyBytes
            && context.GetEndpoint()?.Metadata.GetMetadata<BoardUploadLimitsAttribute>() is not null)
        {
            var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsync(localizer["BoardRequestTooLargeTitle"] + "\n\n" + localizer["BoardRequestTooLargeText"] + "\n", context.RequestAborted);
        }

        return next(context);
    }
}
