namespace GatewayPortal.Boards.Posts;

/// <summary>Whether readers see a post now.</summary>
public enum NoticeState
{
    /// <summary>Published and not expired.</summary>
    Live,

    /// <summary>Publish time not reached (only its author and managers see it).</summary>
    Scheduled,

    /// <summary>Expired (only its author and managers see it).</summary>
    Expired,
}
