using System.Linq.Expressions;
using GatewayPortal.Wiki.Storage;

namespace GatewayPortal.Wiki.Pages;

/// <summary>A revision's metadata (no text), for history, recent changes and blame; <see cref="Number"/> is the per-page version number.</summary>
public sealed record WikiRevisionInfo(
    long Id,
    long PageId,
    long? ParentRevisionId,
    string AuthorSubject,
    string AuthorName,
    DateTimeOffset CreatedAt,
    string Summary,
    bool IsMinor,
    int Size,
    int SizeDelta,
    int Number = 0)
{
    /// <summary>True for the first revision of a page.</summary>
    public bool IsPageCreation => ParentRevisionId is null;

    /// <summary>The projection used in queries, so revision lists never load the text column.</summary>
    internal static Expression<Func<WikiRevision, WikiRevisionInfo>> Projection { get; } =
        r => new WikiRevisionInfo(r.Id, r.PageId, r.ParentRevisionId, r.AuthorSubject, r.AuthorName, r.CreatedAt, r.Summary, r.IsMinor, r.Size, r.SizeDelta, r.Number);

    private static readonly Func<WikiRevision, WikiRevisionInfo> s_from = Projection.Compile();

    internal static WikiRevisionInfo From(WikiRevision revision) => s_from(revision);
}
