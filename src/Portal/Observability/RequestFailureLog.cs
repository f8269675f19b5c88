using GatewayPortal.Identity.Telemetry;
using GatewayPortal.Portal.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GatewayPortal.Portal.Observability;

/// <summary>
/// Keeps an outage from writing one stack trace per request: the exception handler's own log line for a 503 (the
/// directory or the database is down) goes out for the first request of each kind of failure and is then counted,
/// with a summary per window (<see cref="RepeatedFailureLog"/>); a 500 (a defect) is always logged, with the trace id
/// the error page shows. Failing health checks are logged the same way, once per window, however often /health is polled.
/// </summary>
public sealed partial class RequestFailureLog(ILogger<RequestFailureLog> logger, TimeProvider time) : IDisposable
{
    private readonly RepeatedFailureLog _repeats = new(logger, time);

    /// <summary>For <see cref="ExceptionHandlerOptions.SuppressDiagnosticsCallback"/>: true to leave this request's failure out of the log.</summary>
    public bool SuppressDiagnostics(ExceptionHandlerSuppressDiagnosticsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exception = context.Exception;
        if (ExceptionStatus.For(exception) != StatusCodes.Status503ServiceUnavailable)
        {
            return false;
        }

        var cause = exception.GetBaseException();
        return !_repeats.ShouldLog($"Requests failed with an outage: {cause.GetType().Name}: {cause.Message}");
    }

    /// <summary>Logs the checks of <paramref name="report"/> that are not healthy, each once per window with a count.</summary>
    public void HealthReported(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Status == HealthStatus.Healthy)
            {
                continue;
            }

            var level = entry.Status == HealthStatus.Unhealthy ? LogLevel.Error : LogLevel.Warning;
            if (_repeats.ShouldLog($"Health check {name} {entry.Status}: {entry.Description}", level))
            {
                LogHealthCheck(logger, level, entry.Exception, name, entry.Status, entry.Description);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _repeats.Dispose();

    [LoggerMessage(EventId = 9201, EventName = "HealthCheckNotHealthy", Message = "Health check {HealthCheck} is {Status}: {Description}")]
    private static partial void LogHealthCheck(ILogger logger, LogLevel level, Exception? exception, string healthCheck, HealthStatus status, string? description);
}
