namespace GatewayPortal.Portal.Health;

/// <summary>Tags that sort the health checks between the endpoints that report them.</summary>
internal static class HealthCheckTags
{
    /// <summary>Checks /health reports: the node can serve requests.</summary>
    public const string Ready = "ready";
}
