using GatewayPortal.Identity.Directory;
using GatewayPortal.Portal.Data;

namespace GatewayPortal.Portal.Http;

/// <summary>
/// The status an unhandled exception is answered with: an outage of the directory or the database is 503 (try again
/// later), a request the framework refused while binding is that refusal's own 4xx, anything else 500.
/// </summary>
public static class ExceptionStatus
{
    /// <summary>Seconds a client is asked to wait before retrying after an outage.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>The status for <paramref name="exception"/>.</summary>
    public static int For(Exception exception) => exception switch
    {
        DirectoryUnavailableException => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
        _ when DatabaseUnavailability.IsOutage(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
