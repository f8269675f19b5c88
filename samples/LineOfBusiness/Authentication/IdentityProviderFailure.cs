using System.Net.Sockets;

namespace GatewayPortal.Samples.LineOfBusiness.Authentication;

/// <summary>Recognises failures that mean "the portal cannot be reached", as opposed to a bad request or a bug.</summary>
public static class IdentityProviderFailure
{
    // Microsoft.IdentityModel's ConfigurationManager: "IDX20803: Unable to obtain configuration from: ...".
    private const string ConfigurationUnavailableCode = "IDX20803";

    public static bool IsUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or SocketException or TimeoutException
                || (current is InvalidOperationException && current.Message.StartsWith(ConfigurationUnavailableCode, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The innermost message, for one log line without a stack trace.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return $"{innermost.GetType().Name}: {innermost.Message}";
    }
}
