using System.Text.Json;
using GatewayPortal.Portal.Health;
using GatewayPortal.Portal.Observability;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>
/// /health (ready: database, directory and search index) and /health/live (the process answers). The checks' details
/// go only to <c>Health:DetailAllowedNetworks</c>; anyone else gets the status word with the same HTTP status.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps /health with a JSON body per check (allowed networks) or the status word, and /health/live.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(HealthCheckTags.Ready),
            ResponseWriter = WriteAsync,
        });
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var services = context.RequestServices;
        services.GetRequiredService<RequestFailureLog>().HealthReported(report);
        if (!services.GetRequiredService<HealthDetailAccess>().Allows(context.Connection.RemoteIpAddress))
        {
            // The directory's address and the checks' data are for operators, not for the Internet.
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status.ToString());
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
