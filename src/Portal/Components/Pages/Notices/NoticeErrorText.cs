using GatewayPortal.Boards.Attachments;
using GatewayPortal.Boards.Posts;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Components.Pages.Notices;

/// <summary>The message for each <see cref="NoticeError"/>.</summary>
public static class NoticeErrorText
{
    /// <summary>The message in the current UI language.</summary>
    public static string Message(IStringLocalizer localizer, NoticeError error)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            NoticeErrorCode.FileRefused => localizer["BoardFile" + error.Attachment, error.Subject ?? "", AttachmentPolicy.MaxFileBytes / 1024 / 1024],
            NoticeErrorCode.TooManyFiles => localizer["BoardErrorTooManyFiles", AttachmentPolicy.MaxFiles],
            _ => localizer["BoardError" + error.Code, error.Subject ?? ""],
        };
    }
}
