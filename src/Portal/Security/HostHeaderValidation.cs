using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Security;

/// <summary>
/// Refuses a request whose <c>Host</c> header cannot be the host of a URL (<c>a..b</c>, an empty host): every page builds
/// its base address from it (Blazor's NavigationManager, OpenIddict's issuer, absolute redirects) and would throw, and
/// so would the error page, so the answer was a bare 500 everywhere. The refusal is a 400 with a short plain text in the
/// person's language; no page can be rendered for such a request. Host names are not restricted here (a node answers
/// to its proxy's name and its own); set <c>AllowedHosts</c> for that.
/// </summary>
public static partial class HostHeaderValidation
{
    /// <summary>Adds the check; it must come after request localization and before anything that builds a URL.</summary>
    public static IApplicationBuilder UseHostHeaderValidation(this IApplicationBuilder app) => app.Use(static async (context, next) =>
    {
        if (IsValid(context.Request))
        {
            await next(context);
            return;
        }

        var services = context.RequestServices;
        LogInvalidHost(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostHeaderValidation)), context.Request.Host.Value?.Length ?? 0);
        var text = services.GetRequiredService<IStringLocalizer<SharedResource>>()["InvalidHostText"].Value;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    });

    /// <summary>True when the request's scheme, host and base path make an absolute URL, as Blazor builds it.</summary>
    public static bool IsValid(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Host.HasValue)
        {
            return false;
        }

        try
        {
            return Uri.TryCreate(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase), UriKind.Absolute, out var uri)
                && uri.HostNameType is not UriHostNameType.Unknown;
        }
        catch (ArgumentException)
        {
            // An international name that IDNA refuses.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request refused: its Host header ({Length} characters) is not a host name")]
    private static partial void LogInvalidHost(ILogger logger, int length);
}
