using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GatewayPortal.Identity.Oidc;

/// <summary>
/// Keeps request bodies to <c>/connect/</c> endpoints under <see cref="OidcRequestLimits.MaxRequestBytes"/> without reading
/// more than that: a larger body is never read or parsed, the request goes on with an empty form, and OpenIddict refuses it
/// with <c>invalid_request</c> in the endpoint's own shape (see <see cref="Handlers.RequestLimitsHandler{TContext}"/>).
/// </summary>
public static class OidcRequestBodyLimit
{
    private static readonly object TooLargeKey = new();

    /// <summary>Adds the limit; it must come before anything that reads forms.</summary>
    public static IApplicationBuilder UseOidcRequestBodyLimit(this IApplicationBuilder app) => app.Use(InvokeAsync);

    /// <summary>Whether this request's body was over the limit (and left unread).</summary>
    public static bool WasTooLarge(HttpContext? context) => context?.Items.ContainsKey(TooLargeKey) == true;

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase)
            && (request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
            && !await FitsAsync(request, context.RequestAborted).ConfigureAwait(false))
        {
            context.Items[TooLargeKey] = true;
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            request.Body = Stream.Null;
        }

        await next(context).ConfigureAwait(false);
    }

    // A declared length decides at once; a chunked body is read up to one byte past the limit and kept in memory.
    private static async Task<bool> FitsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            return length <= OidcRequestLimits.MaxRequestBytes;
        }

        var buffer = new byte[OidcRequestLimits.MaxRequestBytes + 1];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
        {
            read += count;
        }

        if (read > OidcRequestLimits.MaxRequestBytes)
        {
            return false;
        }

        request.Body = new MemoryStream(buffer, 0, read, writable: false);
        request.ContentLength = read;
        return true;
    }
}
