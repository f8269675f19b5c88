namespace GatewayPortal.Samples.LineOfBusiness.Endpoints;

/// <summary>The sample's own routes (the OIDC callback paths live with the authentication setup).</summary>
public static class LobPaths
{
    public const string Home = "/";
    public const string SignOut = "/signout";
    public const string SignedOut = "/signed-out";
    public const string Health = "/health";
    public const string BackChannelLogout = "/backchannel-logout";
    public const string Approve = "/approve";

    /// <summary>Where the portal's counter links to: this sample's approvals, on its own origin.</summary>
    public static string ApprovalsUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}/#approvals";
    }
}
