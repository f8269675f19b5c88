using System.Buffers;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Portal.Counters;
using GatewayPortal.Portal.Observability;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>
/// The counters API for registered systems (docs/counters-api.md): a client-credentials access token with the
/// <c>portal.counters</c> scope, re-checked against the registry on every request. Answers JSON, problems as
/// <c>application/problem+json</c> with a stable <c>error</c> code; never a page.
/// </summary>
public static class WorkCounterEndpoints
{
    /// <summary>The API's path.</summary>
    public const string Path = "/api/v1/counters";

    /// <summary>The same API without the version segment.</summary>
    public const string ShortPath = "/api/counters";

    /// <summary>Maps POST and PUT (set counters) and DELETE <c>/{key}</c> (clear a key for everyone) on both paths.</summary>
    public static IEndpointRouteBuilder MapWorkCounterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var path in new[] { Path, ShortPath })
        {
            endpoints.MapMethods(path, [HttpMethods.Post, HttpMethods.Put], SetAsync).DisableAntiforgery();
            endpoints.MapDelete(path + "/{key}", ClearAsync).DisableAntiforgery();
        }

        return endpoints;
    }

    private static async Task<IResult> SetAsync(HttpContext context, WorkCounterPublisher publisher)
    {
        context.Response.Headers.CacheControl = "no-store";
        var (application, refusal) = await AuthorizeAsync(context, publisher);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!IsJson(context.Request))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "The body must be JSON (Content-Type: application/json).");
        }

        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "body_too_large",
                $"The body is larger than {WorkCounterLimits.MaxBodyBytes / (1024 * 1024)} MiB; send at most {WorkCounterLimits.MaxItemsPerRequest} items per request.");
        }

        try
        {
            // Parsing and checking every item happen before any write (no transaction is open during CPU work).
            var batch = WorkCounterRequestReader.Read(body.WrittenSpan);
            var result = await publisher.PublishAsync(application!, batch, context.RequestAborted);
            context.RequestServices.GetRequiredService<PortalMetrics>().CounterItems(result.Accepted, result.Rejected.Count);
            return TypedResults.Ok(new WorkCounterResponse(result.Accepted, result.Rejected.Count, result.Rejected));
        }
        catch (WorkCounterRequestException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_request", ex.Message);
        }
    }

    private static async Task<IResult> ClearAsync(string key, HttpContext context, WorkCounterPublisher publisher, WorkCounterStore store)
    {
        context.Response.Headers.CacheControl = "no-store";
        var (application, refusal) = await AuthorizeAsync(context, publisher);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!WorkCounterValidator.IsValidKey(key))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_request", $"key must be 1-{WorkCounterLimits.MaxKeyLength} characters of a-z, 0-9, '.', '_' and '-'.");
        }

        var removed = await store.ClearKeyAsync(application!.Id, key, context.RequestAborted);
        return TypedResults.Ok(new WorkCounterClearResponse(key, removed));
    }

    private static async Task<(PortalApplication? Application, IResult? Refusal)> AuthorizeAsync(HttpContext context, WorkCounterPublisher publisher)
    {
        var result = await context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            var hasToken = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            context.Response.Headers.WWWAuthenticate = hasToken ? "Bearer error=\"invalid_token\"" : "Bearer";
            Refused(context, hasToken ? "invalid_token" : "missing_token");
            return (null, Problem(StatusCodes.Status401Unauthorized, hasToken ? "invalid_token" : "missing_token",
                "Send an access token from the portal's token endpoint (client_credentials, scope portal.counters) as Authorization: Bearer."));
        }

        // Only a system's own token: a client-credentials token's subject is its client id; a person's token is refused.
        var clientId = principal.GetClaim(Claims.ClientId);
        if (!principal.HasScope(WorkCounterLimits.Scope) || string.IsNullOrEmpty(clientId) || principal.GetClaim(Claims.Subject) != clientId)
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{WorkCounterLimits.Scope}\"";
            Refused(context, "insufficient_scope");
            return (null, Problem(StatusCodes.Status403Forbidden, "insufficient_scope",
                $"The token must be a client-credentials token with the {WorkCounterLimits.Scope} scope."));
        }

        var verdict = await publisher.AuthorizeAsync(clientId, context.RequestAborted);
        if (!verdict.IsAllowed)
        {
            var detail = verdict.Refusal switch
            {
                "application_retired" => "The application is retired; it can no longer set counters.",
                "permission_revoked" => "The application is no longer allowed to use the counters API; ask the portal administrators.",
                _ => "The application is not registered with the portal.",
            };
            Refused(context, verdict.Refusal!);
            return (null, Problem(StatusCodes.Status403Forbidden, verdict.Refusal!, detail));
        }

        return (verdict.Application, null);
    }

    private static void Refused(HttpContext context, string reason) =>
        context.RequestServices.GetRequiredService<PortalMetrics>().ApiRefused("counters", reason);

    private static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ?? false));

    // The whole body, or null when it is larger than the limit (read no further than the limit).
    private static async Task<ArrayBufferWriter<byte>?> ReadBodyAsync(HttpContext context)
    {
        var max = WorkCounterLimits.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max + 1;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(context.Request.ContentLength ?? 64 * 1024, max) + 1);
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(buffer.GetMemory(16 * 1024), context.RequestAborted);
                if (read == 0)
                {
                    return buffer;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > max)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static IResult Problem(int status, string error, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: error, extensions: new Dictionary<string, object?> { ["error"] = error });
}
