using GatewayPortal.Boards.Access;
using GatewayPortal.Boards.Attachments;
using GatewayPortal.Boards.Storage;

namespace GatewayPortal.Boards.Posts;

/// <summary>Checks a draft without touching storage or the directory.</summary>
public static class NoticeValidator
{
    /// <summary>Most audience groups per post.</summary>
    public const int MaxAudienceGroups = 20;

    /// <summary>
    /// The problems of <paramref name="draft"/>: <paramref name="keptAttachments"/> files stay from before (edit);
    /// <paramref name="boardReaders"/> are the board's reader groups (empty: everyone).
    /// <paramref name="originalPinnedUntil"/> lets an edit keep a pin date that has passed meanwhile.
    /// </summary>
    public static IReadOnlyList<NoticeError> Validate(NoticeDraft draft, DateTime nowUtc, int keptAttachments, BoardRules boardRules, DateTime? originalPinnedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(boardRules);
        var errors = new List<NoticeError>();
        var title = draft.Title.Trim();
        if (title.Length == 0)
        {
            errors.Add(new("Title", NoticeErrorCode.TitleRequired));
        }
        else if (title.Length > BoardsModelBuilderExtensions.MaxTitleLength)
        {
            errors.Add(new("Title", NoticeErrorCode.TitleTooLong));
        }

        if (draft.Body.Length > BoardsModelBuilderExtensions.MaxBodyLength)
        {
            errors.Add(new("Body", NoticeErrorCode.BodyTooLong));
        }

        if ((draft.Category?.Trim().Length ?? 0) > BoardsModelBuilderExtensions.MaxCategoryLength)
        {
            errors.Add(new("Category", NoticeErrorCode.CategoryTooLong));
        }

        var publish = draft.PublishAt ?? nowUtc;
        if (draft.ExpiresAt is { } expires)
        {
            if (expires <= nowUtc)
            {
                errors.Add(new("ExpiresAt", NoticeErrorCode.ExpiryInPast));
            }
            else if (publish >= expires)
            {
                errors.Add(new("ExpiresAt", NoticeErrorCode.PublishAfterExpiry));
            }
        }

        if (draft.PinnedUntil is { } pinned && pinned <= nowUtc && pinned != originalPinnedUntil)
        {
            errors.Add(new("PinnedUntil", NoticeErrorCode.PinnedInPast));
        }

        var audience = draft.Audience.Select(BoardAccess.NormaliseGroup).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (audience.Count > MaxAudienceGroups)
        {
            errors.Add(new("Audience", NoticeErrorCode.TooManyGroups));
        }
        else if (boardRules.Readers.Count > 0)
        {
            var allowed = boardRules.Readers.Concat(boardRules.Posters).Concat(boardRules.Managers).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(audience.Where(g => !allowed.Contains(g)).Select(g => new NoticeError("Audience", NoticeErrorCode.AudienceOutsideBoard, g)));
        }

        if (draft.NewFiles.Count + keptAttachments > AttachmentPolicy.MaxFiles)
        {
            errors.Add(new("Files", NoticeErrorCode.TooManyFiles));
        }
        else
        {
            foreach (var file in draft.NewFiles)
            {
                var problem = AttachmentPolicy.Check(file, out _);
                if (problem != AttachmentProblem.None)
                {
                    errors.Add(new("Files", NoticeErrorCode.FileRefused, AttachmentPolicy.CleanName(file.FileName), problem));
                }
            }
        }

        return errors;
    }
}
