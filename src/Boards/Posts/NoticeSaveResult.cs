namespace GatewayPortal.Boards.Posts;

/// <summary>The outcome of saving or deleting a post.</summary>
public abstract record NoticeSaveResult
{
    private NoticeSaveResult()
    {
    }

    /// <summary>Saved.</summary>
    /// <param name="PostId">The post id.</param>
    public sealed record Saved(long PostId) : NoticeSaveResult;

    /// <summary>Refused: the problems to show on the form; nothing was saved.</summary>
    /// <param name="Errors">The problems.</param>
    public sealed record Invalid(IReadOnlyList<NoticeError> Errors) : NoticeSaveResult;

    /// <summary>The viewer may not do this.</summary>
    public sealed record Forbidden : NoticeSaveResult;

    /// <summary>No such board or post (or the viewer may not know of it).</summary>
    public sealed record NotFound : NoticeSaveResult;
}
