using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace GatewayPortal.Portal.Http;

/// <summary>
/// Keeps refusals of malformed requests in the shape the portal promises (a protocol error or a localized page,
/// never a 500 or an empty body). Two gaps found by fuzzing (issue #7):
/// <list type="bullet">
/// <item>A url-encoded body the framework cannot parse (a NUL character, charset=utf-7, a key over 2 KB) makes
/// <c>ReadFormAsync</c> throw, and the error page throws again when OpenIddict re-reads the form: such a form is
/// treated as empty, so the endpoint refuses it for its missing parameters, as it would any incomplete request.</item>
/// <item>A refused POST, PUT or DELETE that wrote nothing (Blazor's antiforgery refusal, a wrong method) came back as a
/// bare 400 or 405: the status page was skipped (Blazor had set a content type) or re-executed with the original
/// method, which routing refuses again or Blazor takes for a form submission. Such a refusal is handed to the
/// status page as a GET.</item>
/// </list>
/// </summary>
public static partial class MalformedRequestHandling
{
    /// <summary>Adds the guard; it must come after <c>UseStatusCodePagesWithReExecute</c> and before authentication.</summary>
    public static IApplicationBuilder UseMalformedRequestHandling(this IApplicationBuilder app) => app.Use(InvokeAsync);

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuted && IsUrlEncodedForm(request))
        {
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
            {
                LogUnreadableForm(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MalformedRequestHandling)), request.Path, ex.Message);
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            }
        }

        await next(context);
        var response = context.Response;
        if (!reExecuted && response.StatusCode >= 400 && !response.HasStarted
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && context.Features.Get<IStatusCodePagesFeature>() is { Enabled: true }
            && context.GetEndpoint()?.Metadata.GetMetadata<ISkipStatusCodePagesMetadata>() is null)
        {
            // Nothing was written: the status page renders it, as a GET.
            request.Method = HttpMethods.Get;
            response.ContentType = null;
            response.ContentLength = null;
        }
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        request.HasFormContentType
        && MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unreadable form posted to {Path} treated as empty: {Reason}")]
    private static partial void LogUnreadableForm(ILogger logger, PathString path, string reason);
}
