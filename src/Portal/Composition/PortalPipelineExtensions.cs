using System.Net;
using GatewayPortal.Identity.Oidc;
using GatewayPortal.Portal.Boards;
using GatewayPortal.Portal.Home;
using GatewayPortal.Portal.Http;
using GatewayPortal.Portal.Observability;
using GatewayPortal.Portal.Security;
using GatewayPortal.Portal.SignIn;
using Microsoft.AspNetCore.HttpOverrides;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The portal's middleware order.</summary>
public static class PortalPipelineExtensions
{
    /// <summary>
    /// Forwarded headers, error pages, security headers, localization, host and plain-HTTP checks, authentication,
    /// antiforgery, query-value checks, the login fast path.
    /// </summary>
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(forwarded);
        // After the forwarded headers: a scrape through the reverse proxy is judged by the real client's address.
        app.UsePortalMetrics();
        app.UsePortalResponseCompression(app.Configuration);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            // An outage of the directory or the database is a 503, not a 500.
            StatusCodeSelector = ExceptionStatus.For,
            // An outage's failures are logged once per window with a count, not once per request.
            SuppressDiagnosticsCallback = app.Services.GetRequiredService<RequestFailureLog>().SuppressDiagnostics,
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseSecurityHeaders();
        // Before anything reads a form: an oversized OIDC request body is never read.
        app.UseOidcRequestBodyLimit();
        app.UseMalformedRequestHandling();
        app.UseRequestLocalization();
        app.UseHostHeaderValidation();
        app.UsePlainHttpGuard(app.Configuration);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePersonalViewInvalidation();
        app.UseBoardUploadLimits();
        app.UseAntiforgery();
        app.UseQueryParameterValidation();
        app.UseLoginFormPost();
        return app;
    }
}
