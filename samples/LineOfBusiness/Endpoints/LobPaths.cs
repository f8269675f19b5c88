namespace GatewayPortal.Samples.LineOfBusiness.Endpoints;

/// <summary>The sample's own routes (the OIDC callback paths live with the authentication setup).</summary>
public static class LobPaths
{
    public const string Home = "/";
    public const string SignOut = "/signout";
    public const string SignedOut = "/signed-out";
    public const string Health = "/health";
    public const string BackChannelLogout = "/backchannel-logout";
}
