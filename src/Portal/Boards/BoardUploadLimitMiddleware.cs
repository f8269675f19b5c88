using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Boards;

/// <summary>
/// Refuses a notice form whose declared length is over <see cref="BoardUploadLimitsAttribute.MaxBodyBytes"/> with 413 and a
/// plain-text message in the user's language, before antiforgery reads the form (which would turn Kestrel's 413 into a bare 400). A chunked body over the
/// limit is still stopped by Kestrel while it is read (the route's limit comes from the same attribute).
/// Uploads are held in memory while a post is saved (up to 10 × 20 MB), so at most <see cref="MaxConcurrentUploads"/> large
/// notice forms are processed at once per node; the next waits up to <see cref="UploadWait"/>, then gets 503 with
/// <c>Retry-After</c> and a message, so memory stays bounded whatever the load.
/// </summary>
public static class BoardUploadLimitMiddleware
{
    /// <summary>How many notice forms with a body over <see cref="LargeBodyBytes"/> one node processes at once.</summary>
    public const int MaxConcurrentUploads = 4;

    /// <summary>A form body from this size on counts as an upload for <see cref="MaxConcurrentUploads"/>.</summary>
    public const long LargeBodyBytes = 1024 * 1024;

    /// <summary>How long an upload waits for a free slot before it is refused (tests shorten it).</summary>
    internal static TimeSpan UploadWait { get; set; } = TimeSpan.FromSeconds(20);

    private static readonly SemaphoreSlim s_uploads = new(MaxConcurrentUploads, MaxConcurrentUploads);

    /// <summary>Adds the check; it must come after routing and authorisation and before antiforgery.</summary>
    public static IApplicationBuilder UseBoardUploadLimits(this IApplicationBuilder app) => app.Use(InvokeAsync);

    // The notice pages skip status code pages (they render their own errors), so the message is written here.
    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<BoardUploadLimitsAttribute>() is null)
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > BoardUploadLimitsAttribute.MaxBodyBytes)
        {
            context.Response.Headers.Connection = "close";
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "BoardRequestTooLargeTitle", "BoardRequestTooLargeText");
            return;
        }

        // A chunked body has no declared length: count it as large.
        if (context.Request.ContentLength is < LargeBodyBytes || !HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }

        if (!await s_uploads.WaitAsync(UploadWait, context.RequestAborted))
        {
            context.Response.Headers.RetryAfter = "30";
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "BoardUploadBusyTitle", "BoardUploadBusyText");
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            s_uploads.Release();
        }
    }

    private static Task RefuseAsync(HttpContext context, int status, string titleKey, string textKey)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(localizer[titleKey] + "\n\n" + localizer[textKey] + "\n", context.RequestAborted);
    }
}
