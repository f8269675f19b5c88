namespace GatewayPortal.Boards.Posts;

/// <summary>Why a post was not saved.</summary>
public enum NoticeErrorCode
{
    /// <summary>The title is empty.</summary>
    TitleRequired,

    /// <summary>The title is too long.</summary>
    TitleTooLong,

    /// <summary>The body is too long.</summary>
    BodyTooLong,

    /// <summary>The category is too long.</summary>
    CategoryTooLong,

    /// <summary>Publish time is not before expiry.</summary>
    PublishAfterExpiry,

    /// <summary>Expiry is already past.</summary>
    ExpiryInPast,

    /// <summary>Pinned-until is already past.</summary>
    PinnedInPast,

    /// <summary>More than the allowed number of files.</summary>
    TooManyFiles,

    /// <summary>A file is refused (see <see cref="NoticeError.Attachment"/>).</summary>
    FileRefused,

    /// <summary>Too many audience groups.</summary>
    TooManyGroups,

    /// <summary>A group does not exist in the directory.</summary>
    UnknownGroup,

    /// <summary>An audience group is not one of the board's reader groups (the audience may only narrow the board's).</summary>
    AudienceOutsideBoard,

    /// <summary>The directory could not be asked.</summary>
    DirectoryUnavailable,

    /// <summary>Someone else saved the post after the form was opened.</summary>
    Conflict,
}
