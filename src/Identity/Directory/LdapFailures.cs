using System.DirectoryServices.Protocols;
using System.Net.Sockets;

namespace GatewayPortal.Identity.Directory;

/// <summary>Tells a server that is down or too slow apart from an answer the server gave.</summary>
internal static class LdapFailures
{
    public const int InvalidCredentials = 49;
    private const int Busy = 51;
    private const int Unavailable = 52;
    private const int ServerDown = 81;
    private const int LocalError = 82;
    private const int Timeout = 85;
    private const int ConnectError = 91;

    /// <summary>The server did not answer in time (hung or overloaded), as opposed to a closed connection.</summary>
    public static bool IsTimeout(Exception exception) =>
        exception is TimeoutException || exception is LdapException { ErrorCode: Timeout };

    public static bool IsServerFailure(Exception exception) => exception switch
    {
        LdapException ldap => ldap.ErrorCode is ServerDown or LocalError or Timeout or ConnectError or Busy or Unavailable or (-1),
        DirectoryOperationException operation => operation.Response?.ResultCode is ResultCode.Busy or ResultCode.Unavailable,
        TimeoutException or SocketException or OperationCanceledException => true,
        _ => false,
    };
}
