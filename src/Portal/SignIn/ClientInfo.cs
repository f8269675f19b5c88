using GatewayPortal.Identity.Audit;

namespace GatewayPortal.Portal.SignIn;

/// <summary>Reads the client's address and user agent from a request.</summary>
public static class ClientInfo
{
    /// <summary>The client as seen after trusted forwarded headers.</summary>
    public static SignInClient From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ip = context.Connection.RemoteIpAddress;
        var address = ip is null ? null : (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
        return new SignInClient(address, context.Request.Headers.UserAgent.ToString());
    }
}
