namespace GatewayPortal.Identity.Applications;

/// <summary>One launch of an application from the portal, for "recently used".</summary>
public sealed class ApplicationLaunch
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>The person's subject id.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The launched <see cref="PortalApplication.Id"/>.</summary>
    public int ApplicationId { get; set; }

    /// <summary>When it was launched.</summary>
    public DateTime LaunchedUtc { get; set; }
}
