namespace GatewayPortal.Identity.Applications;

/// <summary>An application a person pinned to the top of the launcher.</summary>
public sealed class UserFavoriteApplication
{
    /// <summary>The person's subject id.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The pinned <see cref="PortalApplication.Id"/>.</summary>
    public int ApplicationId { get; set; }

    /// <summary>When it was pinned.</summary>
    public DateTime CreatedUtc { get; set; }
}
