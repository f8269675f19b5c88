using System.Net;
using GatewayPortal.Portal.Http;
using GatewayPortal.Portal.Observability;
using GatewayPortal.Portal.SignIn;
using Microsoft.AspNetCore.Diagnostics;

namespace GatewayPortal.Portal.Security;

/// <summary>
/// On a node that requires HTTPS (<see cref="SessionCookieOptions.RequireHttps"/>, every production node), decides who
/// may use plain HTTP: the node's own machine (operators, the deploy kit's checks, a local health probe) is served as
/// usual; anyone else reaching the node directly, around the TLS proxy, gets a 400 page saying to use the portal's
/// HTTPS address. The health and metrics endpoints stay open to every address (they have their own rules). Requests
/// through a known proxy arrive as HTTPS (X-Forwarded-Proto), so they are never refused.
/// </summary>
public static partial class PlainHttpGuard
{
    /// <summary>Adds the guard; it must come after the forwarded headers and the status-code pages.</summary>
    public static IApplicationBuilder UsePlainHttpGuard(this IApplicationBuilder app, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var requireHttps = configuration.GetSection(SessionCookieOptions.SectionName).Get<SessionCookieOptions>()?.RequireHttps ?? true;
        return requireHttps ? app.Use(InvokeAsync) : app;
    }

    /// <summary>True when the request may be served over what it arrived on.</summary>
    public static bool IsAllowed(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return request.IsHttps
            || context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
            || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments(MetricsEndpoint.Path, StringComparison.OrdinalIgnoreCase)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
    }

    private static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsAllowed(context))
        {
            return next(context);
        }

        LogRefused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlainHttpGuard)), context.Connection.RemoteIpAddress);
        context.Features.Set(new StatusPageMessage("HttpsRequiredTitle", "HttpsRequiredText"));
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plain-HTTP request from {Address} refused: only the node's own machine may bypass the TLS proxy (if it came through the proxy, list the proxy in ForwardedHeaders:KnownProxies)")]
    private static partial void LogRefused(ILogger logger, IPAddress? address);
}
