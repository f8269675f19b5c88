namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>The <c>?notice=</c> and <c>?error=</c> codes the wiki pages redirect with, and their resource keys.</summary>
public static class WikiNotices
{
    /// <summary>The resource key of a known notice or error code; null for anything else (never echo the query).</summary>
    public static string? Key(string? code) => code switch
    {
        "saved" => "WikiNoticeSaved",
        "merged" => "WikiNoticeMerged",
        "reverted" => "WikiNoticeReverted",
        "moved" => "WikiNoticeMoved",
        "deleted" => "WikiNoticeDeleted",
        "restored" => "WikiNoticeRestored",
        "protected" => "WikiNoticeProtected",
        "unprotected" => "WikiNoticeUnprotected",
        "nochange" => "WikiNoticeNoChange",
        "permissions" => "WikiNoticePermissions",
        "watched" => "WatchNoticeWatched",
        "unwatched" => "WatchNoticeUnwatched",
        "WatchLimit" => "WatchErrorLimit",
        "UnknownGroup" => "WikiErrorUnknownGroup",
        "InvalidGroups" => "WikiErrorInvalidGroups",
        "DirectoryUnavailable" => "WikiErrorDirectoryUnavailable",
        "Forbidden" => "WikiErrorForbidden",
        "Protected" => "WikiErrorProtected",
        "NotFound" => "WikiErrorNotFound",
        "InvalidTitle" => "WikiErrorInvalidTitle",
        "TargetExists" => "WikiErrorTargetExists",
        "NoChange" => "WikiErrorNoChange",
        "Deleted" => "WikiErrorDeleted",
        "TooLarge" => "WikiErrorTooLarge",
        "BadRequest" => "WikiErrorBadRequest",
        _ => null,
    };

    /// <summary>True for the error codes (shown as alerts rather than status notes).</summary>
    public static bool IsError(string? code) => code is { Length: > 0 } && char.IsAsciiLetterUpper(code[0]);
}
